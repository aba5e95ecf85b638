"""Reading the person from their message: place (countries, cities, one-country platforms), age, who is asking, and
the language; and the same place data keeping another place's lines out of an answer."""

from __future__ import annotations

import pytest
import yaml

from assistant.understand.age import detect_minor
from assistant.understand.audience import detect_audience
from assistant.understand.gender import for_women_only, names_a_man
from assistant.understand.language import detect_language
from assistant.understand.person import understand
from assistant.understand.place import PLACES_FILE, detect_jurisdiction, foreign_places, member_states
from assistant.understand.platform import OTHER_PLATFORMS_FILE, PLATFORMS_FILE, named_other_platforms, named_platforms
from assistant.understand.question_kind import (
    answers_may_not_must,
    asks_about_law,
    asks_either_or,
    asks_only_open,
    asks_something,
    checks_what_was_said,
    verdict_misleads,
    without_verdict,
)
from assistant.understand.service import FACETS_FILE, SERVICES_FILE, asked_facets, named_services
from assistant.understand.topic import TOPICS_FILE, law_topic
from assistant.vocabulary import JURISDICTIONS


@pytest.mark.parametrize("text, place", [
    ("je suis à Lyon et mon ex a publié mes photos", "FR"),
    ("我们一家在华沙。女儿14岁，她同学用AI合成了她的图片", "EU"),  # a European city in Chinese
    ("je suis en voyage à 盘锦, j'ai trouvé une caméra dans ma chambre", "CN"),  # a Chinese name alone in French
    ("Ma fille étudie à Pékin et des photos d'elle circulent", "CN"),  # a Chinese city in French
    ("在杭州，有人把我的照片发到微信群", "CN"),
    ("班上有男生在QQ群里传她的照片", "CN"),  # a Latin name next to Chinese characters is still a word
    ("有人在微博上发我的照片", "CN"),  # a platform used only in China
    ("I'm a Chinese student in London and someone on WeChat has my photos", "UK"),  # a named place beats a hint
    ("We live in Ohio and my son is being blackmailed", "US"),
    ("Brisbane. he posted them", "AU"),
    ("mon ex à Bruxelles menace de publier mes photos", "EU"),
    ("en France, est-ce un délit ? c'est dans l'UE", "FR"),  # France and the EU: the person is in France
    ("j'ai eu peur quand il a posté", None),  # "eu" is a French word, not the EU
    ("please help us", None),  # "us" is a word, not the United States
    ("I paid 110 dollars to him", None),
    ("he is in Paris and she is in London", None),  # two places: undecided
    # where the writer says they are wins over the other places the message names
    ("he is in Paris and I am in London", "UK"),
    ("I'm a social worker in Melbourne; my client's ex is still in Guangzhou and posts in a WeChat group", "AU"),
    ("I am in the UK, he is in China", "UK"),
    ("Je suis étudiante française à Hangzhou et mon ex à Paris a posté mes photos", "CN"),
    ("我是在休斯顿工作的，照片被发在国内的微博上", "US"),
    # The strongest evidence decides: a city over a country, a country over a demonym or an origin.
    ("I'm a student from China doing a masters in Leeds, someone filmed me", "UK"),
    ("Je suis française et je vis à Shanghai depuis deux ans", "CN"),
    ("我在芝加哥工作，国内的父母还不知道，在美国可以报警吗", "US"),
    ("J'habite en Belgique mais ma plainte vise un site français", "EU"),
    ("je suis en erasmus à Barcelone, est-ce que je peux porter plainte en France ?", "EU"),
    ("I live in France; the EU's Digital Services Act says Europe's platforms must act", "FR"),
    ("我在荷兰读研，一个中国同学的照片被人发到网上了", "EU"),  # "中国同学": who, not where
    ("对方要500英镑，不然就发给我同事", "UK"),  # a currency used in one place
    ("高二 照片被挂贴吧了", "CN"),  # a school year and a forum only China has
    ("ex说要把我们的小视频发pyq 咋整", "CN"),  # pyq: 朋友圈, WeChat Moments
    ("can i sue him? NY", "US"),
    ("what is 12377", "CN"),  # a number only China has  # the state's initials, in capitals
    ("saw it in the ny times", None),  # lower case: not the state
    # A service or institution only one country has: Report Remove (UK), a mission locale (France), Kids Helpline (AU)
    ("Report Remove for my pupil?", "UK"),
    ("j'accompagne une jeune de 21 ans à la mission locale, ses photos sont sur Telegram", "FR"),
    ("already called kids helpline, what now", "AU"),
    ("在大理住民宿发现插座里有个摄像头", "CN"),  # a city beyond the largest ones
    ("we are in valencia what do we do", "EU"),
    ("Je suis maîtresse de CM2, un élève m'a confié quelque chose", "FR"),  # a school year only France has
    ("professeure principale à Quimper, une photo circule dans le groupe WhatsApp", "FR"),  # a préfecture
    ("公司钉钉群里有人发了我同事的私密照", "CN"),  # a workplace app used in China
    ("X peut demander que le signalement vienne de la personne", None),  # "vienne", the verb, is not a city
    # A place's name inside another place's longer name is that other place's
    ("I live in Northern Ireland and my ex shared a video", "UK"),
    ("je vis en Irlande du Nord", "UK"),
    ("我在北爱尔兰读书", "UK"),
    ("we moved to Ireland last year", "EU"),
    ("my daughter is at uni in New South Wales", "AU"),
    ("photos she sent are going round a WhatsApp group at her college in York", "UK"),
    ("I moved to New York last year", "US"),  # York's own name inside New York's
    ("我在威尼斯旅游时发现酒店有摄像头", "EU"),  # Venice, not Nice
    # a city someone comes from is not where they are; a French département or region, or a French institution
    ("I'm originally from Guangzhou, doing my masters in Melbourne", "AU"),
    ("Je vis dans l'Aveyron. Mon ancien compagnon a envoyé une capture à mon employeur", "FR"),
    ("Je suis psychologue dans un CMP, une patiente a été filmée", "FR"),
    ("Je suis psychologue de l'Éducation nationale, une lycéenne me confie une menace", "FR"),
    ("assistante sociale en CCAS, une usagère a des vidéos en ligne", "FR"),
    ("si jen parle a la cpe mes parents vont le savoir ?", "FR"),  # typed in lower case
    # where the person says they are not
    ("Chinese student in Manchester here. My hometown QQ group has my photos. I'm not even in China rn", "UK"),
    ("I'm not in France any more, I live in Berlin now", "EU"),
    # a helper writes about someone in another place: the place of the person in the images wins
    ("Je vous écris depuis Lyon pour ma sœur qui vit à Dalian", "CN"),
    ("My girlfriend lives in Berlin, I'm in Chicago. Her ex says he'll post her videos", "EU"),
    ("My daughter is 23 and lives in Dublin. Her ex moved back home to Brisbane", "EU"),
    ("我在墨尔本，女儿在上海读书，她的照片被人发到微博", "CN"),
    ("my friend says her ex lives in Sydney, we live in London", "UK"),  # the ex's place is not hers
    # where the writer studies, works or lives, said without "I am" (and not where they were, nor someone else)
    ("Je suis chinoise, en master à Grenoble. Mon ex, resté à Chongqing, a posté des photos", "FR"),
    ("Studying in Manchester at the moment, originally from Hunan. My ex, back home in Changsha", "UK"),
    ("American living in Berlin. My ex back in Ohio posted my photos on X.", "EU"),
    ("I just moved back to Nanjing after studying in Australia. My photos are in a QQ group", "CN"),
    ("Brit living in Madrid. Do I report it in Spain or back home in the UK??", "EU"),
    ("Mon ex, en stage à Lyon, a posté mes photos. On ne se parle plus", "FR"),  # a city, not where I am: still FR
    ("he moved to Brisbane last year and posted my pics. I am in Perth", "AU"),
    ("Mon ex, en stage à Lyon, a posté mes photos. Je vis à Bruxelles", "EU"),
    # a nationality alone, a Belgian institution, a Chinese spelling of Cardiff
    ("Irish, 24. Stuff from my OnlyFans got leaked to a tube site", "EU"),
    ("je suis assistante sociale dans un CPAS, une dame me parle de vidéos", "EU"),
    # institutions of study and work only one place has, when no place is named
    ("Quelqu'un a filmé les douches de ma résidence Crous et des vidéos de moi sont sur Telegram", "FR"),
    ("my Title IX coordinator says it happened off campus so they can't act", "US"),
    ("HR did nothing, should I call ACAS about the video going round the office?", "UK"),
    ("the Fair Work Ombudsman says it's not a workplace matter, he still has the pics", "AU"),
    # the emergency number one says one will call: France's 17, China's 110; not an age or a count
    ("Il vient cette nuit, je suis seule avec le petit. Est-ce que j'appelle le 17 maintenant ?", "FR"),
    ("他拿着刀在楼下等我，我应该先打110还是先打给我妈？", "CN"),
    ("elle a 17 ans et ses photos circulent", None),
    ("他手里有110张我的照片", None),
    # where someone comes from is not where they are ("je viens de Bretagne")
    ("Je suis animateur dans une salle de sport à Dingwall, en Écosse, je viens de Bretagne. Un client a caché une "
     "caméra", "UK"),
    ("我是加的夫一所中学的心理老师，一个15岁的学生的照片被传", "UK"),
    ("my mum only speaks Spanish, how do I explain this to her", None),  # a language is not a place
    # the writer moved to a town Recourse does not read: not their nationality's place, nor the ex's
    ("I'm American and moved to Thiers for work. My ex back in Ohio posted a video of me", None),
    ("Je vis en Suisse, mon ex est en France et il a posté une vidéo de moi", None),
    # the larger cities of every member state, in their own, English, French or Chinese names
    ("I'm a social worker in Ostrava supporting a 22-year-old woman", "EU"),
    ("我在布尔诺读书，前男友把照片发到了群里", "EU"),
    ("je vis à Cluj depuis deux ans", "EU"),
    ("他回了一句 安康 然后就发出去了", None),  # 安康 ("be well", and a city) set apart in Chinese text: a word
    ("我16岁 在游戏里加了个人 现在他要钱", None),  # 里加 (Riga) inside 游戏里加了: two-character names are not read
    # where someone was is not where they are ("we were", not "we're"); "étudiante à" said of oneself
    ("I'm a Chinese student doing my master's in Cardiff. The photos my ex took when we were together back in China "
     "are in a QQ group", "UK"),
    ("Je suis chinoise, étudiante à Grenoble. Un ancien copain resté à Zhengzhou a mis mes photos dans un groupe QQ",
     "FR"),
    ("Je vis à Bruxelles. Un étudiant à Lyon a posté mes photos", "EU"),  # someone else's place
    # the person a helper writes about, placed in a few words of the same clause
    ("My daughter is 20 and at university in Dalian. I'm a Chinese mum living in London", "CN"),
    ("We live in Boston but our daughter, 17, is finishing high school in Suzhou", "CN"),
    ("my friend is scared, the video is on a site in the US and I live in Leeds", "UK"),
    # Northern Ireland's and the overseas departments' cities, and the United States' mid-sized ones
    ("I'm a youth worker in Derry. A 19-year-old I support had photos passed around", "UK"),
    ("j'habite à Cayenne, mes photos circulent sur snap", "FR"),
    ("jai 16 ans jsuis a saint brieuc, une fille veut 200€", "FR"),  # a hyphen typed as a space (Saint-Brieuc)
    ("I live in Albuquerque and my ex posted a video of me", "US"),
    ("我在淮安，前男友把视频发到群里了", "CN"),
    ("我18岁，在沙勒罗瓦。上学期把一个同学的照片转到了群里", "EU"),  # Charleroi, Belgium
    ("我在诺里奇读研，前任把我的照片发到网上了", "UK"),  # Norwich
    ("在德比读大学。上周我把一个同学的私密照转到了小群里", "UK"),  # Derby: a student there was shown every place's lines
    ("我在兰斯读书，前男友把视频发到了网上", "FR"),  # Reims
    ("my daughter is not in Spain any more, she lives in Paris", "FR"),  # where the person is not
    ("Je vis à Lyon. Mon fils de 20 ans fait ses études à Phoenix, son ex a mis des vidéos", "US"),
    ("Nous vivons à Lille ; ma sœur, 17 ans, est en stage à Dublin", "EU"),
    # French names of other places' cities and states
    ("Conseillère d'éducation dans une école française à Adélaïde", "AU"),
    ("on vit à la Nouvelle-Orléans depuis un an", "US"),
    # a service or a law only the US has, when no place is named; Take It Down, the tool, works everywhere
    ("ccri hotline number", "US"),
    ("Take It Down Act c'est quoi", "US"),
    ("does take it down work for adults?", None),
    ("我是大学辅导员，宿舍卫生间发现了针孔摄像头，先报学校保卫处吗", "CN"),  # roles only China's universities have
    ("he wants 5000 yuan or he sends the video", "CN"),
    # the child a parent writes about by age alone, and a longer clause before the place
    ("We live in Lyon. Our 16-year-old is on an exchange year at a college in Leeds and a boy shared a photo", "UK"),
    # where a site is hosted is not where the person is; it counts only when nothing else says
    ("le site est hébergé en Allemagne, Pharos sert à rien ?", "FR"),
    ("My ex put it on a site hosted in the US. Does French law still apply?", "FR"),
    ("视频在一个服务器在美国的网站上，12377能管吗", "CN"),
    ("the site is hosted in the US. what can I do", "US"),
    # near a town is where the person is, as plainly as in it, over where the other person is
    ("J'habite à côté de Cambrai. Le type qui a posté mes photos vit à Binghamton, aux États-Unis.", "FR"),
    ("I live just outside Leeds and he is in Boston now", "UK"),
    ("on habite à 20 km de Lille, mon ex est à Bruxelles", "FR"),
    ("ma sœur vit près de Lyon, son ex est à Londres", "FR"),
    # the UK police's non-emergency number, named as a call; not "101" alone
    ("called 101 last week and nobody rang back", "UK"),
    ("j'ai appelé le 101, ils m'ont dit d'attendre", "UK"),
    ("打了101 说没发出来就不管", "UK"),
    ("is there a sextortion 101 guide for parents", None),
    # where the writer has lived, said in the present perfect, over the country the other person is in
    ("I'm from Chengdu originally but I've lived in Australia for six years; my ex is still in China", "AU"),
    ("we have been living in France since 2019 and her ex is in the US", "FR"),
    # a nationality is where the writer comes from when they say they live at a place Recourse does not read: asked
    ("Je suis française mais je vis à Ushuaïa depuis un an, mon ex menace de tout publier", None),
    ("Je suis française mais je vis à Kalbarri depuis un an, mon ex menace de tout publier", "AU"),  # 1,300 people
    ("I'm British but I live in Quebec now and he posted my pics", None),
    ("Je suis française et je vis à Bristol", "UK"),
    # French names of member states' cities
    ("je suis française, en master à Mayence depuis septembre", "EU"),
    # an autonomous prefecture named before its town, and Australian states as Chinese speakers there shorten them
    ("我住在黔东南凯里，前男友说要把视频发出去", "CN"),
    ("在延边打工，宿舍里发现了摄像头", "CN"),
    ("我们在新州Wagga Wagga读书，有人把我室友的照片发到群里", "AU"),
    ("维州这边学校出了换脸的事，老师该怎么办", "AU"),
    # two places, one of them where the person who did it is: the other is the person's own
    ("Working holiday, Hobart. My ex back in Lyon has put my photos online", "AU"),
    ("Mon ex est à Lyon, moi à Hobart, il publie mes photos", "AU"),
    ("前男友在深圳，我这边是布里斯班，他把视频发群里了", "AU"),
    ("mon ex vit à Marseille et il a publié mes photos", "FR"),  # only the ex's place: a couple of one country
    # ... and not when leaving it out leaves a tie: the place named most often still wins
    ("In Hobart on a working visa, and my ex, who lives in Hobart too, says he'll send my pics to my family in Lyon",
     "AU"),
    # a colleague or a flatmate a helper writes about; a Chinese company or embassy is whose, not where
    ("匈牙利这边的宿舍是中国公司安排的，厕所里有摄像头，该找中国大使馆还是匈牙利警察", "EU"),
    ("我室友在悉尼读书，我在上海，她前任把她照片发群里了", "AU"),
    ("我在南澳Port Augusta打工，有人拿视频勒索我", "AU"),  # a Latin town after 在 and its region, with no 的
    ("my colleague lives in Tarnów and her ex posted her photos, I'm in Lyon", "EU"),
    # a state's abbreviation that is no word, in any case
    ("we're out near longreach qld, he's sent my pics around", "AU"),
    # an adverb between the person and the verb
    ("we both work in Hobart and her ex in Lyon is threatening her", "AU"),
    # a city's nickname, a French lycée's first year, a French institution (answer batch 62's hold-out: each was
    # given every place's lines)
    ("they're back up on a new account. south philly if that matters", "US"),
    ("jsuis en seconde et un mec veut 50€ sinon il envoie mes photos", "FR"),
    ("Je travaille dans un CIDFF, une femme que j'accompagne a vu ses vidéos transférées", "FR"),
    # "usa" typed in lower case (answer batch 67's hold-out: "number for revenge porn help usa" was asked its country)
    ("is there a free helpline in usa for this", "US"),
])
def test_the_place_a_message_puts_the_person_in(text, place):
    assert detect_jurisdiction(text) == place


@pytest.mark.parametrize("text, place, members", [
    # towns places.yaml does not list, from GeoNames' gazetteer, where the message puts the person there
    ("I live in Getafe and my ex posted my photos", "EU", {"ES"}),
    ("je vis à Pessac, il menace de publier mes photos", "FR", set()),
    ("J'habite Lunel depuis deux ans et mon ex a posté une photo", "FR", set()),  # "habiter" with no "à"
    ("Ma fille de 13 ans, en 4e, dit que des photos d'elle tournent dans un groupe Snap", "FR", set()),  # a collège year
    ("j'habite avec mon copain et il a mes photos", None, set()),
    ("我在图文巴读书，前男友威胁我", "AU", set()),
    ("im in tarneit what do i do", "AU", set()),
    ("I'm a student in East Kilbride, my ex shared a video", "UK", {"SCT"}),  # two words, and Scotland's law
    # a name of several common words, read when capitalised (until 2026-12-06 left out, as wordfreq rates the phrase
    # by its words: "green bay" 4.6)
    ("我们是在Green Bay的中国家庭。儿子17岁", "US", set()),
    ("I'm a social worker in Des Moines.", "US", set()),
    ("we walked along the green bay path", None, set()),
    ("He lives in Modesto and I live in Leeds", "UK", set()),  # where the writer is still wins
    ("我太太在Knoxville的案子下个月开庭", "US", set()),  # a Latin name after a Chinese word that places someone
    ("I'm in Mackay. Do I pay?", "AU", set()),  # a name that is, less often, a word: read when capitalised
    ("I'm in Mildura and he says he'll post the video", "AU", set()),  # a town of 15,000 to 50,000 people
    ("张家口的出租屋里发现了针孔摄像头", "CN", set()),  # a Chinese city without its 市 (GeoNames: 张家口市)
    ("Warrnambool - my ex put my pics on a forum", "AU", set()),  # a message that opens with its town and a stop
    ("Mildura。前男友把视频发到了群里", "AU", set()),
    ("Bathurst said he would post them", None, set()),  # a name that opens a sentence, not a place
    ("我在十堰上班，前男友把照片发到群里了", "CN", set()),  # a Chinese city of two characters, after 在
    ("坐标阜阳，被人偷拍了怎么办", "CN", set()),  # "located:", as people sign off a post
    ("六安。他说不给钱就发视频", "CN", set()),  # opening the message, before a stop
    ("坐标Kendal。前任说要把照片发给我老板", "UK", set()),  # a Latin name after 坐标
    ("我是安庆一所高校的老师，学生被偷拍了", "CN", set()),  # after 是: where the writer works or comes from
    ("我是Missoula一家庇护所的社工", "US", set()),
    ("mount gambier 他说今晚要来我家", "AU", set()),  # a Latin name opening a Chinese message
    ("宿迁的。朋友说只是转发不算违法", "CN", set()),  # "from 宿迁", opening the message
    ("Jackson说他要把照片发出去", None, set()),  # a first name opening a Chinese message is not a place
    ("我们在合作中认识的，他现在威胁我", None, set()),  # 合作 is a city (合作市) but first of all a word
    ("信阳毛尖是他送的", None, set()),  # a city's name with no cue and no stop is not where someone is
    # a state's postal code after an address, in capitals (places.yaml), whatever the town
    ("my ex put a video of me in the discord server. reno NV. is that a crime here", "US", set()),
    ("Social worker in Hervey Bay QLD, a client's ex is threatening her", "AU", set()),
    ("ÇA VA TROP LOIN IL A TOUT POSTÉ", None, set()),  # capitals that are words, not a state
    ("l'IA a fait une fausse photo de moi, NE PAS partager", None, set()),
    # a town's name that is also a word or a first name, or is not said as a place, is not read
    ("my friend Jackson posted it", None, set()),
    ("Bottrop said he would post it", None, set()),
    ("we met near the shoreline and he filmed me", None, set()),  # the same name as a word, in lower case
    ("我住knoxville 他把照片发出去了", "US", set()),  # in lower case after a Chinese cue: a name, no English word
    ("我16岁 在游戏里加了个人 现在他要钱", None, set()),
    # a hyphenated name is several words: kept, read when capitalised (until 2026-12-06 left out as "saint etienne")
    ("je vis à Saint-Etienne et mon ex a tout posté", "FR", set()),
    # a Chinese city whose only Chinese name has two characters (GeoNames gives no 郴州市)
    ("我在郴州读大学，有人把我照片发群里", "CN", set()),
    # a town that is above all a word, and that no town elsewhere goes by: read only capitalised after "I live in"
    ("I live in Bath and my ex posted a video", "UK", set()),
    ("j'habite à Gap, il a posté mes photos", "FR", set()),
    ("我在Bath读研，前男友要发我照片", "UK", set()),
    ("the bath was running when he filmed me", None, set()),
    ("I took a bath and I'm in Bath's worst mood", None, set()),
    ("我在Mobile Legends里认识的，他要我照片", None, set()),  # a game's name after 在, not followed by Chinese
    ("je vis à Vienne, il menace de publier", None, set()),  # Vienna's French name: not France's Vienne
    ("I live in Ontario, my ex posted my pics", None, set()),  # the US's word-towns are provinces elsewhere
    # in lower case, after words that say the person lives there, as typed on a phone
    ("il dit qu il habite en angleterre moi je suis a saint etienne", "FR", set()),
    ("on est 4 filles de la classe, on est a lens", "FR", set()),
    # the cue as thumbs type it, with no apostrophe or space: "jhabite", "jsuis", "chuis"
    ("jai 15 ans jhabite a menton il veut de l'argent", "FR", set()),
    ("chuis a menton et il a mes photos", "FR", set()),
    ("we moved to deal with it together", None, set()),  # "moved to" and a word in lower case: no town
    # where the person works, and their job "in" / "à" a town that is also a word (Sens, ULM: a microlight)
    ("Je suis assistante sociale à Sens. J'accompagne une femme de 34 ans", "FR", set()),
    ("Je travaille à Ulm. Il y a un an on a trouvé une caméra", "EU", {"DE"}),
    ("I work at home and he keeps texting", None, set()),
    ("je suis sure quil a lens de contact", None, set()),
    # a sentence that is only the town's name, anywhere in the message; a Chinese one opening it before a blank
    ("after i got them taken off last month. kilmarnock. how do i get it down", "UK", {"SCT"}),
    ("I told him no. Reading. it was awful", None, set()),
    # ... the last one too, with no stop after it: a message signed off with the town
    ("he says he will post it tonight. what do i do. wrexham", "UK", set()),
    ("I told him no and it was awful. Reading", None, set()),  # a word first: only after "I live in"
    # ... or followed by an aside that says it is where the person is ("coatbridge btw", "Lunel au fait")
    ("hes not posted anything but keeps dropping hints. coatbridge btw. how do i lock him out", "UK", {"SCT"}),
    ("il menace de tout publier. hazebrouck au fait. je fais quoi", "FR", set()),
    ("he keeps asking. Reading btw is what I do to calm down", None, set()),  # a word first: still not a place
    # the writer's own "I'm in" before a name typed in lower case that is less often a word; not one that is a word
    ("who can i actually talk to? im in harlow", "UK", set()),
    ("im 14 in ogden. a guy from discord has a pic of me", "US", set()),
    ("im in bath crying", None, set()),
    ("商丘 偷拍视屏又被传了", "CN", set()),
    ("商丘的 偷拍视屏又被传了", "CN", set()),  # "from 商丘", as "宿迁的。" is
    # a town's own police or court, at a sentence's start or after "the"; a name before a verb is not a place
    ("Pocatello police said my ex reposting my pictures is a civil matter", "US", set()),
    ("Bathurst said he would post it", None, set()),
    # a town of 5,000 to 15,000 people whose name is nothing else (a name of several words read when capitalised)
    ("I live in Ulladulla and he posted my photos", "AU", set()),
    ("my sister in Enniskillen found her pics on a forum", "UK", {"NIR"}),
    ("we live in Port Augusta and my son was sent a fake", "AU", set()),
    ("je vis à Kempsey depuis un an, il menace de tout publier", "AU", set()),
    # a town of 1,000 to 5,000 people whose name is nothing else, read only capitalised; not a village named for a
    # saint, most often a school or a church ("the girls from St Mary's")
    ("Found a tiny camera in the change room at my gym in Tenterfield. Nothing posted yet?", "AU", set()),
    ("My daughter is 15. A boy from her netball club here in Roxby Downs shared her photo", "AU", set()),
    ("found a camera at my gym in tenterfield", None, set()),
    ("Just tell me the group name so I can report it. The one with the girls from St Mary's.", None, set()),
    # ... but not one that is a word, a first name or another place's name too (Crete, Illinois; Mathis, Texas;
    # Schengen, Luxembourg; Paddington, New South Wales)
    ("Just back from Crete, he filmed me in the shower there", None, set()),
    ("j'ai envoyé la photo à Mathis hier et il l'a partagée", None, set()),
    ("I had a Schengen refusal and now my ex threatens me", None, set()),
    ("got the train from Heathrow to Paddington and he posted it", None, set()),
    # China's county-level cities and counties GeoNames names only in pinyin, from the list of China's divisions
    ("在邳州上班，同事把我的照片发到了厂里的群", "CN", set()),  # a county-level city without its 市, after 在
    ("义马的。前男友说不复合就把视频发出去", "CN", set()),  # opening the message before a stop
    ("我是忠县的，照片被传到了老乡群", "CN", set()),  # a county's full name, after 是
    ("虹口区一家酒店的浴室里发现了摄像头", "CN", set()),  # three characters or more: read anywhere
    ("我们只想要世界和平，他却把视频发了", None, set()),  # 和平区's name without 区 is a word: not read
    ("我在南澳读书，有人把我照片发到群里", None, set()),  # South Australia to Chinese speakers, a county of Guangdong
    # a town's name as people shorten it (Le Touquet-Paris-Plage, Sarlat-la-Canéda, Bad Soden am Taunus), capitalised
    ("people from my town near Le Touquet are sending me the link", "FR", set()),
    ("Mon entraîneur de hand à Sarlat a pris des photos de moi", "FR", set()),
    ("jsuis apprenti a romorantin j'ai 17 ans mon patron a des photos de moi", "FR", set()),  # one word, lower case
    ("I'm an au pair in Bad Soden and the father filmed me", "EU", {"DE"}),
    ("je suis à la ville depuis hier, il a posté mes photos", None, set()),  # "La Ville-du-Bois" cut short: words
    ("I'm at Village Green with friends, he posted my pics", None, set()),  # a US place's cut, made of words
    ("Je travaille au Touquet depuis un an et mon ex a posté une vidéo", "FR", set()),  # "au" is "à Le"
    ("I'm travelling in Yunnan for work and found a camera in the hotel", "CN", set()),  # a province in pinyin
    # a district, then its town, as an address is written; the town read only capitalised
    ("My sister and I both work in Yuhu district, Xiangtan, and a colleague shared her photos", "CN", set()),
    ("In Yuhu district, Xiangtan. My ex posted my photos online", "CN", set()),  # opening the message
    ("in March, xiangtan friends told me the video was out", None, set()),
    # a region, then the town, after 在 / 住
    ("我住在英国的Lerwick，前任把照片发到了群里", "UK", {"SCT"}),
    ("我在学校的Instagram上看到了我的照片", None, set()),
    # a town's name typed into Chinese text with no cue word before it, read only capitalised and before Chinese
    ("今年三月我刚入职Bridport的一家公司,同事搜到了我的视频", "UK", set()),
    ("我刚入职bridport的一家公司,同事搜到了我的视频", None, set()),
    ("他在Telegram上发的,我在Soul上认识他", None, set()),
    # a US town followed by its state's two letters, in any case for codes that are no word; not "in", "or", "la"
    ("i stream on twitch (bisbee az). last year someone faked my pics", "US", set()),
    ("ketchikan ak here, my ex posted my video", "US", set()),
    ("hello ny, he posted my pics", None, set()),
    # a short form that is another covered place's town's own name, of a size close to it, is neither ("Tain":
    # Tain-l'Hermitage in France, Tain in Scotland); a much smaller namesake does not take a town's short form
    ("I'm 24 now and someone sent me a link to it on a forum. I'm up in Tain.", None, set()),
    ("je vis à Charenton et mon ex a posté mes photos", "FR", set()),
    # a cased town in lower case after "je suis seule à"; not after two words ("je suis sûre qu'il a gap")
    ("il tape à la porte je suis seule à mauriac jai peur", "FR", set()),
    # a town with its country or state said beside it is that country's town, not a bigger namesake elsewhere
    # (Leominster, Massachusetts, is the gazetteer's); alone, the gazetteer's
    ("J'ai 16 ans, je vis à Leominster en Angleterre. Une photo de moi circule.", "UK", set()),
    ("I live in Leominster, England and my ex posted my pics", "UK", set()),
    ("我在英国的Leominster上班，前任把视频发到了群里", "UK", set()),
    ("I live in Leominster and my ex posted my pics", "US", set()),
    ("I live in Paris, Texas and my ex posted my pics", "US", set()),
    ("my ex is in Leeds, I am in Lyon, France", "FR", set()),
    # China's divisions in pinyin, as Chinese speakers write them in English: with the division's word, or alone
    # where the message puts the writer there; not a US county's name, nor a name alone in passing
    ("Found a pinhole camera in my hotel room in Kangbao County. Is that a crime?", "CN", set()),
    ("im from neihuang county, my ex posted my video", "CN", set()),
    ("I study in Xihu District and a classmate faked my photo", "CN", set()),
    ("I live in Kangbao and my ex posted my pics", "CN", set()),
    ("kangbao is where my cousin went on holiday", None, set()),
    ("the Long County sheriff said it is not a crime", None, set()),
    # a state's code in capitals after a capitalised town ("Topsfield MA"), never a lower-case word ("salem ma soeur")
    ("Found a camera in the smoke detector, Topsfield MA, I fly home in 3 days", "US", set()),
    ("my cousin said topsfield ma is nice, my ex posted my pics", None, set()),
    # "i live guisborough": the preposition left out, as many who learnt English later write
    ("my family in pakistan, i live guisborough, he is very angry tonight", "UK", set()),
    # "here in" says where the writer is now, over the places they name as their past
    ("Je suis de Qingtian (青田县), j'ai vécu 12 ans à Paris. Ici en Chine, je dois appeler quel numéro ?", "CN", set()),
    # a province, a county, then 人: where the writer comes from, not where she lives
    ("我是浙江青田人，在葡萄牙里斯本开小店十几年了", "EU", {"PT"}),
])
def test_a_town_from_the_gazetteer(text, place, members):
    assert detect_jurisdiction(text) == place
    assert member_states(text) == members


def test_the_gazetteer_holds_only_known_places_and_leaves_listed_names_to_the_places_file():
    from assistant.understand.gazetteer import _table

    table, _ = _table()
    assert len(table) > 3000
    assert {place for place, *_ in table.values()} <= set(JURISDICTIONS) - {"GLOBAL"}
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    listed = {str(e).removeprefix("=").lower() for entry in data.values() for e in entry.get("cities", [])}
    assert not listed & set(table)


def test_the_places_file_names_only_known_codes():
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    assert set(data) <= set(JURISDICTIONS) - {"GLOBAL"}
    assert all(set(entry) <= {"names", "demonyms", "cities", "hints", "markers", "includes", "members",
                                 "rest"}
               for entry in data.values())


@pytest.mark.parametrize("line, place, foreign", [
    ("In the UK, adults can call the Revenge Porn Helpline on 0345 6000 459.", "FR", {"UK"}),
    ("Call 988 or text the 988 Suicide & Crisis Lifeline.", "AU", {"US"}),
    ("Call 988 or text the 988 Suicide & Crisis Lifeline.", "US", set()),  # "Lifeline" alone is not Australia's
    ("Lifeline is on 13 11 14 at any time.", "US", {"AU"}),
    ("Report it to PHAROS or call 3018.", "FR", set()),
    ("Under the Digital Services Act you can complain in the app.", "FR", set()),  # EU rules are France's own
    ("拨打 110 报警。", "UK", {"CN"}),
    ("Report the account with the platform's own tool.", "CN", set()),
    ("In the UK, call 999.", None, set()),  # unknown place: nothing is foreign
])
def test_a_line_about_another_place_is_recognised(line, place, foreign):
    assert foreign_places(line, place) == foreign


@pytest.mark.parametrize("line, place, message, foreign", [
    ("In Belgium, Child Focus works with the main social networks.", "EU", "I teach near Porto", {"BE"}),
    ("In Belgium, Child Focus works with the main social networks.", "EU", "je suis CPE à Bruxelles", set()),
    ("En Belgique, Child Focus travaille avec les grands réseaux sociaux.", "FR", "je suis à Lyon", {"BE"}),
    ("En Belgique, Child Focus travaille avec les grands réseaux sociaux.", "EU", "EU", {"BE"}),  # no member named
    ("Under the Digital Services Act you can complain in the app.", "EU", "I live in Vienna", set()),
    ("In Belgium, Child Focus works with the main social networks.", "UK", "I live in Leeds", {"EU"}),
    # the UK's nations with their own law, the same way
    ("In Scotland, section 2 of the Abusive Behaviour and Sexual Harm (Scotland) Act 2016 ...", "UK", "I live in Leeds",
     {"SCT"}),
    ("In Scotland, section 2 of the Abusive Behaviour and Sexual Harm (Scotland) Act 2016 ...", "UK",
     "I study in Glasgow", set()),
    ("In Northern Ireland, section 51 of the Justice Act (Northern Ireland) 2016 ...", "UK", "we live in Belfast", set()),
])
def test_a_line_about_one_member_state_is_for_people_there(line, place, message, foreign):
    """The EU is one place in Recourse, but a Belgian body is not a Portuguese teacher's."""
    assert foreign_places(line, place, member_states(message)) == foreign


@pytest.mark.parametrize("text, minor", [
    ("im 16 and he has my pics", True),
    ("my 13-year-old daughter", True),
    ("ma fille de 14 ans", True),
    ("女儿13岁被威胁", True),
    ("我今年十五岁", True),
    ("when I was 16 my boyfriend filmed me", True),
    ("初三学生", True),
    ("I am 25 and my ex posted my photos", False),
    # a university's staff and students are adults; a stated age still wins
    ("I lecture at a university and a second-year student came to my office very upset", False),
    ("ma fille est à la fac, son ex a posté ses photos", False),
    ("我是大学老师，一个学生的照片被传到群里了", False),
    ("I work at a university and my 16 year old son is being threatened", True),
    ("j'ai 19 ans", False),
    ("he wants 200 dollars or he posts them", None),
    ("I paid 500 already", None),
    # a bare number right after whose age it is
    ("有人要我付500澳元 我才19 该付吗", False),
    ("my son is 14 and someone is blackmailing him", True),
    ("my daughter, who is 15, sent a photo to a boy", True),  # the age after ", who is"
    ("a pupil who's 14 told me about a fake", True),
    ("my friend, who is 30, was filmed at a party", False),
    ("她才15，照片被传到群里了", True),
    ("he is 30 minutes away", None),
    ("我19号去的派出所", None),
    ("对于当事人未满 18 岁时拍摄的图像", True),  # "not yet 18" is under 18
    ("如果拍摄时你已满 18 岁", False),
    # whose age it is: a pupil, a girlfriend, a friend (a teacher of a 14-year-old was told to screenshot the post)
    ("My student is 14 and a nude of her is going round", True),
    ("my girlfriend is 17 and he posted her pics", True),
    ("my friend is 20 minutes away", None),
    # a university year is an adult's (a counsellor's second-year student got the card for under-18s)
    ("今天一名大二女生来访，有人在QQ群里发了她的私密照片", False),
    ("je suis étudiante en master à Lyon", False),
    ("声音大一点也没用", None),
    # at university or studying abroad, said without a year (a student in Olomouc was given the card for under-18s)
    ("我在捷克奥洛穆茨留学，有人把我的照片发到Telegram频道里", False),
    ("室友在绵阳上大学，宿舍里被人偷拍了", False),
    ("能不能不留学生名字匿名去报", None),  # 不留 + 学生: "without leaving the pupil's name"
    # several people's ages (a teacher's pupils), and a French "étudiante", who studies at a university
    ("The students are 14 to 17. The head wants to handle it quietly", True),
    ("my kids are 12 and 15, someone is threatening them", True),
    ("there are 15 people in the group", None),
    ("Une étudiante a trouvé un téléphone caché qui filmait dans les douches", False),
    # a school pupil is a child, without an age (a teacher's pupil was given StopNCII, the tool for adults)
    ("élève filmée aux vestiaires : procédure ?", True),
    ("a pupil in my form group says a boy has her photo", True),
    ("我在一所中学教书，几个学生做了同班女生的假照片", True),
    ("我中学同学把我的照片发到了群里", None),
    # a stated age or "adult" outranks the pupil (a sixth-former of 18 was read as a child)
    ("Enseignant à Turin. Un élève majeur, 18 ans, me confie qu'un compte le fait chanter", False),
    ("Infirmière scolaire. Une élève qui vient d'avoir 18 ans me dit que son ex publie ses photos", False),
    # the pupils' parents a teacher's ex threatens to send her photos to are not the person in them
    ("Je suis professeure des écoles. Mon ex va envoyer mes photos aux parents d'élèves", None),
    # a service's rule is not the person's age when an age is stated (a 22-year-old was given the minors' card)
    ("childline said they only do under 18s and i'm 22. what's the adult helpline?", False),
    ("Report Remove只面向未成年人吗?我20岁", False),
    ("j'ai 20 ans, les photos ont été prises au lycée", True),  # a minor word about the images, not a rule
    ("c'est pour les mineurs ?", True),  # no age stated: the word still counts
    # the US and Canadian school grades, as the UK's years (a Yuma assistant principal's 8th graders got no CyberTipline)
    ("Several 8th graders used a nudify app to make fake nudes of classmates", True),
    ("A Grade 9 student told me a boy used an AI app on her photo", True),
    ("I got grade 9 in maths at GCSE and my ex posted my photos", None),  # a mark, not a school year
    # a message that opens with the writer's age, as teenagers introduce themselves; not a count of people
    ("16 from deniliquin. someone on a gaming discord is blackmailing me", True),
    ("15f. cant tell anyone", True),
    ("19M got catfished, they want 200 in gift cards", False),
    ("15 here, someone has my pics", True),
    ("16 from the group saw it", None),
    ("20 m from my door there is a camera", None),  # a distance, not a 20-year-old man
])
def test_age_is_read_only_when_stated(text, minor):
    assert detect_minor(text) is minor


@pytest.mark.parametrize("text, audience", [
    ("ma meilleure amie a vu ses photos sur un groupe", "friend"),
    ("女儿13岁被威胁", "parent"),
    ("我是老师，班上有个学生的照片被传了", "educator"),
    ("je suis prof et une élève m'a parlé", "educator"),
    ("my client was filmed without consent", "counsellor"),
    ("I shared her photos with my friends and I regret it", "person-who-shared"),
    ("I sent my ex-girlfriend's photo to two mates when I was drunk", "person-who-shared"),
    ("im 15 i sent someone elses nude to my mate will i get arrested", "person-who-shared"),
    # "sent" also takes whom the image went to: the person in the picture sent it (a 15-year-old was told to stop
    # sharing and that sharing is a crime)
    ("someone screenshotted a pic i sent my ex and now its going round", "survivor"),
    ("someone posted my nudes", "survivor"),
    ("how does hashing work", None),
])
def test_who_is_asking(text, audience):
    assert detect_audience(text) == audience


@pytest.mark.parametrize("text, language", [
    ("porter plainte revenge porn gendarmerie", "fr"),  # English words, French little words
    ("StopNCII hashing explication pour victime", "fr"),
    ("snap leak de ma pote help", "fr"),  # "de", "ma": French, whatever the English words around them
    ("how do I report on Telegram", "en"),
    ("被裸聊敲诈了怎么办", "zh"),
    ("StopNCII 支持Telegram吗", "zh"),  # Chinese around two names: fewer Chinese characters than Latin letters
    ("what does 裸聊 mean", "en"),  # English little words around one Chinese word
    ("Take It Down sur Telegram ?", "fr"),  # the service's name holds "it": French around a name
    ("Report Remove ça marche ?", "fr"),
    ("does take it down work", "en"),
    ("17 ans, on me fait chanter", "fr"),  # "on" and "me" are French too: they count for neither language
    ("he sent it to me on snap", "en"),
    ("report deepfake australia", "en"),  # one English word, none French: it was answered in French
    ("son 14 nudify app victim", "en"),  # French "son" against English "victim": the character model decides
    ("son insta ?", "fr"),
    ("chantage webcam", "fr"),
    ("ok merci 🙏", "fr"),
])
def test_the_language_is_read_from_the_little_words(text, language):
    assert detect_language(text) == language


def test_the_interface_place_wins_over_the_message():
    person = understand("I live in London", jurisdiction="FR")
    assert person.place == "FR" and person.language == "en"


@pytest.mark.parametrize("text, platforms", [
    ("he posted it on twitter help", ("x-twitter",)),
    ("deepfake de moi sur X", ("x-twitter",)),
    ("X marks the spot, no platform here", ()),  # the letter in an idiom, a name or a porn site is not the platform
    ("mes photos sont sur un site X", ()),
    ("Mr X a toujours mes photos", ()),
    ("X refuse de supprimer, et maintenant ?", ("x-twitter",)),  # the capital letter alone is
    ("reported a video to X 4 days ago, still up", ("x-twitter",)),
    ("分手后他把照片发到了一个Discord服务器里", ("discord",)),
    ("my ex posted on insta and then on snap", ("facebook-instagram", "snapchat")),
    ("在抖音评论区和B站都有", ("douyin-tiktok", "bilibili-xiaohongshu")),
    ("someone added me to a tg group with my pics", ("telegram",)),
    ("il a ouvert un compte OnlyFans à mon nom", ("onlyfans",)),
])
def test_the_platforms_a_message_names(text, platforms):
    assert named_platforms(text) == platforms


def test_every_platform_named_has_its_page_in_the_knowledge_base():
    import yaml
    knowledge = PLATFORMS_FILE.parents[2] / "knowledge"
    for group in yaml.safe_load(PLATFORMS_FILE.read_text(encoding="utf-8")):
        assert (knowledge / group / "en.md").exists(), group


@pytest.mark.parametrize("text, language, services, facets", [
    ("3018 c'est payant ?", "fr", ("3018",), ("cost",)),
    ("3018 open on sundays?", "en", ("3018",), ("hours",)),
    ("stopncii会看到我照片吗", "zh", ("stopncii",), ("sees-the-image",)),
    ("Take It Down c'est en français ?", "fr", ("take-it-down",), ("language",)),
    ("向eSafety举报能不留名字吗", "zh", ("esafety",), ("anonymous",)),
    ("How long does eSafety take to get my daughter's photos down?", "en", ("esafety",), ("how-long",)),
    # a site asked to "take it down" is not the service, and a nationality is not a question about a language
    ("English speaker in Marseille. Can the site refuse to take it down?", "en", (), ()),
    ("the Take It Down Act: do sites have 48 hours?", "en", ("take-it-down-act",), ()),
    ("take it down c'est gratuit pour les parents ?", "fr", ("take-it-down",), ("cost", "someone-else")),
    ("they won't take it down, is that even legal? it costs me my job", "en", (), ()),
    ("3114", "fr", ("3114",), ()),  # a number is not an hour
    ("if I lose my PIN for StopNCII what happens", "en", ("stopncii",), ("lost-code",)),
    ("12377受理偷拍的吗", "zh", ("12377",), ("handles",)),
    ("je peux annuler mon dossier StopNCII plus tard ?", "fr", ("stopncii",), ("withdraw",)),
    # whether a young person can use it without an adult
    ("can I use report remove on my own?", "en", ("report-remove",), ("on-my-own", "who-for")),
    ("我16岁在英国 report remove我自己能用吗", "zh", ("report-remove",), ("on-my-own",)),
    # what a half-known service is, whom it is for, and which of two: asked only in the sentence that names it
    ("pharos c un numéro a appeler ?", "fr", ("pharos",), ("what-it-is",)),
    ("revenge porn helpline pour les mineurs ?", "fr", ("revenge-porn-helpline",), ("who-for",)),
    ("12338 ou 12377 ?", "fr", ("12338", "12377"), ("what-it-is",)),
    ("What's the right order? I've heard of eSafety but don't know if that's for kids.", "en", ("esafety",),
     ("who-for",)),
    # whom it is for, asked in the sentence after the name; two names that are not offered as a choice
    ("J'ai 20 ans. Une amie m'a parlé de Report Remove de Childline. Ça marche pour moi ?", "fr",
     ("report-remove", "childline"), ("who-for",)),
    ("Report Remove de Childline m'a aidée la semaine dernière", "fr", ("report-remove", "childline"), ()),
    # a question that names a service and an age asks whom it is for, however it is worded; a story does not
    ("stopncii ok for my 16yo?", "en", ("stopncii",), ("who-for",)),
    ("我女儿15岁能用StopNCII吗", "zh", ("stopncii",), ("who-for",)),
    ("I used StopNCII when I was 17 and now my ex has posted them again on a forum, what do I do", "en",
     ("stopncii",), ()),
    # whether it reaches an encrypted app, asked near the name; not Telegram (the card's own answer names it)
    ("J'ai lu qu'il existait un outil qui s'appelle Take It Down. Est-ce qu'il peut faire retirer la photo du groupe "
     "WhatsApp ?", "fr", ("take-it-down",), ("encrypted-apps",)),
    ("does stopncii work on telegram", "en", ("stopncii",), ()),
    # whether the images are sent anywhere
    ("Si je passe par StopNCII, est-ce que mes photos seront envoyées quelque part où il pourrait tomber dessus ?",
     "fr", ("stopncii",), ("sees-the-image",)),
    # the US law as French and Chinese writers name it, not the NCMEC tool
    ("délai retrait loi Take It Down ?", "fr", ("take-it-down-act",), ("how-long",)),
    ("根据美国TAKE IT DOWN法案,平台处理时限是多久?", "zh", ("take-it-down-act",), ("how-long",)),
])
def test_the_services_a_message_names_and_what_it_asks_about_them(text, language, services, facets):
    assert named_services(text) == services
    assert (asked_facets(text, language) if services else ()) == facets


def test_every_facet_is_asked_and_answered_in_each_language():
    import yaml
    for facet, sides in yaml.safe_load(FACETS_FILE.read_text(encoding="utf-8")).items():
        for side in ("asks", "says"):
            assert set(sides[side]) == {"en", "fr", "zh"}, (facet, side)


def test_every_service_is_named_somewhere_in_the_guidance():
    """A name no guidance line says would never find the lines that answer about it."""
    import yaml

    from assistant.understand.service import services
    knowledge = SERVICES_FILE.parents[2] / "knowledge"
    text = "\n".join(path.read_text(encoding="utf-8") for path in knowledge.rglob("*.md"))
    for key in yaml.safe_load(SERVICES_FILE.read_text(encoding="utf-8")):
        assert services()[str(key)].search(text), key


@pytest.mark.parametrize("text, topic", [
    ("some boys used a nudify app on her photo", "deepfake"),
    ("Un collègue a généré avec une IA des images d'elle", "deepfake"),
    ("j'ai envoyé des photos à mon ex et il les a postées", None),  # "ai" in "j'ai" is not AI
    ("班里几个男生用一个“一键换装”的app把她的照片弄成了不雅图", "deepfake"),
    ("a fake account asked me for pics and now wants money", None),  # a fake account is not a fake image
    ("boys at her school made fake nude pictures of her", "deepfake"),
    ("有人做了我的假裸照在群里传", "deepfake"),
])
def test_a_situation_with_its_own_law_is_read(text, topic):
    assert law_topic(text) == topic


def test_every_situation_with_its_own_law_is_a_card():
    import yaml
    cards = TOPICS_FILE.parents[2] / "knowledge" / "cards"
    for group in yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")):
        assert (cards / group / "en.md").exists(), group


@pytest.mark.parametrize("text, language, only_open", [
    ("how to remove from google", "en", True),
    ("what should I do", "en", True),
    ("is it illegal? how do i report", "en", False),
    ("it's illegal? what do i do", "en", False),
    ("comment supprimer une vidéo de moi", "fr", True),
    ("avocat trop cher, je fais comment", "fr", True),
    ("est-ce que c'est illégal ? comment faire", "fr", False),
    ("Google peut enlever ça ?", "fr", False),
    ("网上的照片怎么删", "zh", True),
    ("我该做什么？", "zh", True),
    ("这违法吗？怎么办", "zh", False),
    ("能不能报警", "zh", False),
    # who / qui / quand joining clauses ask nothing; standing where a question word stands, they ask
    ("Ça compte si c'est moi qui lui ai envoyé ?", "fr", False),
    ("ça compte quand il l'a juste montrée à ses potes ?", "fr", False),
    ("it still counts when he only showed it to his mates?", "en", False),
    ("à qui je m'adresse ?", "fr", True),
    ("c'est qui le responsable ?", "fr", True),
    ("who can help me?", "en", True),
    ("I want to know who posted it?", "en", True),
    ("google ou bing pour retirer ?", "fr", True),  # a choice, which "Oui" does not answer
])
def test_a_question_that_only_asks_how_is_told_apart_from_a_yes_or_no_one(text, language, only_open):
    assert asks_only_open(text, language) is only_open


@pytest.mark.parametrize("text, language, checks", [
    ("HR told me that since it's fake there's nothing illegal about it. Is that actually true?", "en", True),
    ("The principal says since it isn't real it isn't a crime. Is he right?", "en", True),
    ("will esafety actually get it down or is that a myth", "en", True),
    ("is it illegal to share a fake?", "en", False),
    ("Au commissariat on m'a dit qu'on ne pouvait rien faire. C'est vrai ça ?", "fr", True),
    ("Il dit que c'est pas grave vu que c'est faux. Il a raison ?", "fr", True),
    ("vu que c'est faux est-ce que c'est illégal ?", "fr", False),  # faux: fake, not false
    ("c'est puni par la loi ou c'est juste du harcèlement ?", "fr", False),  # juste: only
    ("警察说他还没发，不构成犯罪。这个说法对吗？", "zh", True),
    ("朋友说给钱就会删 真的吗", "zh", True),
    ("这违法吗？", "zh", False),
    ("我是真的很怕，能报警吗？", "zh", False),  # 是真的: "really", not "is it true"
    ("听说有人做深伪被罚了几十万，是真的还是谣言？", "zh", True),
])
def test_a_question_that_checks_what_the_person_was_told_is_recognised(text, language, checks):
    assert checks_what_was_said(text, language) is checks


@pytest.mark.parametrize("question, line, language, dropped", [
    ("Do I need a solicitor before I go to the police?", "Yes, you can report it to the police on 101.", "en", True),
    ("Do I have to show the police the photos?", "Yes, you can report it to your local police.", "en", True),
    ("Does she have to report every page again?", "Yes: report each page to the site.", "en", False),  # a real yes
    ("Can I report it to the police?", "Yes, you can report it to the police on 101.", "en", False),
    ("je suis obligée de passer par la police ?", "Oui, vous pouvez porter plainte.", "fr", True),
    ("c'était de ma faute, je peux porter plainte ?", "Oui, vous pouvez porter plainte.", "fr", False),  # faute
    ("需要先找律师吗？", "可以：根据 TAKE IT DOWN Act，平台必须删除。", "zh", True),
    ("能报警吗？", "可以，你可以拨打110。", "zh", False),
    # words of need that ask nothing about must
    ("Do I have a case against him?", "Yes, you can report it to the police on 101.", "en", False),
    ("j'ai besoin d'aide, je peux porter plainte ?", "Oui, vous pouvez porter plainte.", "fr", False),
    ("我需要帮助，能报警吗？", "可以，你可以拨打110。", "zh", False),
    ("j'ai besoin d'un avocat pour porter plainte ?", "Oui, vous pouvez porter plainte.", "fr", True),
])
def test_a_may_verdict_is_not_said_to_a_must_question(question, line, language, dropped):
    assert answers_may_not_must(question, line, language) is dropped


@pytest.mark.parametrize("question, line, language, dropped", [
    # nothing was said or checked: "Not true" would contradict something the person never wrote
    ("If she only reports it to Reddit, is that enough to get it down?",
     "Not true: Article 5 of Directive (EU) 2024/1385 requires EU countries to make it a crime.", "en", True),
    ("je peux faire quoi concrètement ?",
     "C'est faux de dire qu'on ne peut rien faire : le TAKE IT DOWN Act punit la publication.", "fr", True),
    ("如果我不回国，国内的派出所能受理吗？", "不对：把照片发给一个人，不等于同意他传播。", "zh", True),
    # the person reports or checks what they were told: the rebuttal answers them
    ("he says its legal cuz i sent them", "Not true: sharing it without consent is abuse.", "en", False),
    ("friends say i cant report. true?", "Not true: sharing it without consent is abuse.", "en", False),
    ("on m'a dit que c'était ma faute", "C'est faux : peu importe que vous ayez pris l'image vous-même.", "fr", False),
    ("他说照片是我自己发的，所以不犯法", "不对：图像是不是你自己拍的，都不重要。", "zh", False),
    ("听说发出去的照片就不受保护了", "不对：图像是不是你自己拍的，都不重要。", "zh", False),
])
def test_not_true_is_said_only_to_what_someone_said(question, line, language, dropped):
    assert verdict_misleads(question, line, language) is dropped


def test_a_rebuttal_is_dropped_like_a_yes():
    assert without_verdict("Not true: sharing it is abuse.", "en") == "Sharing it is abuse."
    assert (without_verdict("Not true that nothing can be done: the TAKE IT DOWN Act makes it a crime.", "en")
            == "The TAKE IT DOWN Act makes it a crime.")
    assert without_verdict("C'est faux : l'article 226-2-1 punit la diffusion.", "fr") == "L'article 226-2-1 punit la diffusion."
    assert without_verdict("说“没办法”不对：TAKE IT DOWN Act 规定平台必须删除。", "zh") == "TAKE IT DOWN Act 规定平台必须删除。"


def test_the_verdict_is_dropped_and_the_rest_of_the_line_stands():
    assert without_verdict("Yes: Google and Bing each let you ask.", "en") == "Google and Bing each let you ask."
    assert without_verdict("Oui, c'est illégal : la section 66B.", "fr") == "C'est illégal : la section 66B."
    assert without_verdict("可以：先保存链接。", "zh") == "先保存链接。"
    assert without_verdict("Yes.", "en") == "Yes."
    assert without_verdict("Do not pay.", "en") == "Do not pay."
    assert without_verdict("Yes: eSafety says it is a crime.", "en") == "eSafety says it is a crime."  # a name


@pytest.mark.parametrize("text, asks", [
    ("Paid him 300 last night. What now", True),  # a question without a question mark
    ("how long does removal take", True),
    ("il a mes photos je fais quoi", True),
    ("付了钱他还会发吗", True),
    ("他说今晚发给我爸妈，怎么办", True),
    ("on the bridge now. tell my mum sorry", False),  # a goodbye asks nothing
    ("took a whole box of my mums pills like 20 min ago", False),
    ("dernier message. adieu.", False),
    ("以后替我跟我妈说再见", False),
    # a question told rather than asked, or asked after a colon
    ("She wants to know if she can report it here even though it's a Chinese app.", True),
    ("je me demande si je peux encore porter plainte", True),
    ("我想知道现在还能不能报警", True),
    ("Asking for a client: does the take it down act cover AI fakes or only real photos", True),
])
def test_whether_a_message_asks_anything(text, asks):
    assert asks_something(text) is asks


@pytest.mark.parametrize("question, language, dropped", [
    # a statement or a bare request asks nothing a "Yes" answers
    ("he already posted my nudes on twitter, in the UK", "en", True),
    ("mon ex a publié nos vidéos sur un site porno, je suis à Lyon", "fr", True),
    ("signaler un deepfake", "fr", True),
    ("前男友把我的照片发到微博上了", "zh", True),
    # a yes-or-no question, asked or told, keeps it
    ("can google remove my nudes from search?", "en", False),
    ("She wants to know if she can report it here even though it's a Chinese app.", "en", False),
    ("c'est illégal ce qu'il a fait", "fr", False),
    ("这算违法吗", "zh", False),
])
def test_a_yes_is_not_said_to_a_message_that_asks_nothing(question, language, dropped):
    assert verdict_misleads(question, "Yes: report each page to the site.", language) is dropped


@pytest.mark.parametrize("question, language, dropped", [
    # a choice between two things to do: a "Yes" answers neither
    ("Should I report to the UK police or the police in China?", "en", True),
    ("Should she keep talking to him or block him?", "en", True),
    ("porter plainte maintenant ou attendre ?", "fr", True),
    ("Je dois porter plainte en France ou en Chine ?", "fr", True),
    ("我该找网站删还是先报警？", "zh", True),
    ("是在捷克报警，还是得回国才能处理？", "zh", True),
    # a yes or no with its alternative, or "still": the verdict answers it
    ("Can I still use StopNCII or will that mess up the case?", "en", False),
    ("should I report it or not?", "en", False),
    ("je peux porter plainte ou pas ?", "fr", False),
    ("L'eSafety Commissioner peut-il contraindre l'auteur lui-même à effacer une image, ou seulement les plateformes ?",
     "fr", False),
    ("Il n'a rien publié. Est-ce qu'il existe un moyen de signaler ou de demander de l'aide sans passer par eux ?", "fr",
     False),
    ("请问在法国，用AI做的假裸照被传出去，算犯罪吗？还是只有真实照片才算？", "zh", False),
    ("删了以后还是能找到吗？", "zh", False),
])
def test_a_yes_is_not_said_to_a_choice_between_two_things(question, language, dropped):
    assert asks_either_or(question, language) is dropped
    assert verdict_misleads(question, "Yes: report each page to the site.", language) is dropped


@pytest.mark.parametrize("question, language, asks", [
    ("im 16 is sextortion illegal", "en", True),
    ("is it against the law if he only showed his mates?", "en", True),
    ("deepfake de moi qui circule, illégal ?", "fr", True),
    ("偷拍会坐牢吗", "zh", True),
    ("where can I get free legal help?", "en", False),  # help with a process, not a verdict on the act
    ("je veux porter plainte, je vais où ?", "fr", False),
    ("怎么报警", "zh", False),
    # what the person who did it risks: the law's answer with its penalty
    ("et mon ex, il risque combien pour avoir fait ça ?", "fr", True),
    ("qu'est-ce qu'elle risque si je porte plainte", "fr", True),
    ("how many years could he get for posting it", "en", True),
    ("拍的人大概会被判多久", "zh", True),
    ("j'ai à peine dormi, je risque de craquer", "fr", False),
    ("what do they get out of sharing it", "en", False),
])
def test_a_question_whether_something_is_a_crime_is_recognised(question, language, asks):
    assert asks_about_law(question, language) is asks


def test_traditional_characters_and_typographic_apostrophes_are_read_as_the_guidance_is_written():
    """Hong Kong, Taiwan and many people abroad type Traditional characters, and phones type "’" for "'"; the
    guidance and the models read Simplified and "'". Simplified text, and text without Chinese, pass unchanged."""
    from assistant.understand.script import normalised

    assert normalised("私密照被傳到網路上，要怎麼檢舉？") == "私密照被传到网路上，要怎么检举？"
    assert normalised("被裸聊敲诈了怎么办") == "被裸聊敲诈了怎么办"
    assert normalised("Je vis à Lyon, il a posté mes photos") == "Je vis à Lyon, il a posté mes photos"
    assert normalised("I’m 15 and she’s 14, j’habite à Gap") == "I'm 15 and she's 14, j'habite à Gap"


@pytest.mark.parametrize("text, man", [
    ("I'm a 27 year old guy and my ex posted my pics", True),
    ("我17岁，男，在读高二", True),
    ("porter plainte quand t'es un mec ?", True),
    ("my son is 15 and someone has a photo of him", True),
    ("我是心理老师，有个男生来咨询，说被裸聊敲诈了", True),
    ("my boyfriend leaked my nudes", False),  # a man who did it, not the person in the images
    ("I'm her dad and her ex posted her pics", False),
    ("mon fils a partagé la photo d'une fille de sa classe", False),  # whose images: a girl's
    ("班上一个男生把她的照片发到了群里", False),
    ("i'm a guy and her nudes are in my mates' group chat", False),
])
def test_whether_the_person_in_the_images_is_said_to_be_a_man(text, man):
    assert names_a_man(text) is man


@pytest.mark.parametrize("line, women_only", [
    ("Les femmes victimes de violences peuvent appeler le 3919, gratuit, anonyme, 24/7.", True),
    ("12338是妇联开设的妇女热线。", True),
    ("Victims and witnesses can use the portal, whether women or men, adults or minors.", False),
    ("基于图像的性暴力很常见，女性和男性、成年人和青少年都可能遭遇。", False),
    ("Call 3018: free, anonymous and confidential.", False),
    ("Anyone, man or woman, can ask a people's court for a personality-rights injunction.", False),
])
def test_a_line_for_women_only(line, women_only):
    assert for_women_only(line) is women_only


def test_every_platform_without_a_page_really_has_none():
    """other_platforms.yaml is for platforms with no page in knowledge/: one that gets a page moves to platforms.yaml."""
    knowledge = PLATFORMS_FILE.parents[2] / "knowledge"
    paged = set(yaml.safe_load(PLATFORMS_FILE.read_text(encoding="utf-8")))
    others = set(yaml.safe_load(OTHER_PLATFORMS_FILE.read_text(encoding="utf-8")))
    assert not others & paged
    assert not [name for name in others if (knowledge / name).is_dir()]
    assert named_other_platforms("my photos were posted in a QQ group") == ("qq",)
    assert named_other_platforms("the line was busy and I signal to him") == ()


@pytest.mark.parametrize("text, bare", [
    ("Found a camera in my dorm in Tunxi district. Can I call the police?",
     "Found a camera in my dorm in . Can I call the police?"),
    ("我在南卡Blythewood 不敢告诉爸妈", "我在南卡 不敢告诉爸妈"),
    ("my ex posted my nudes on reddit", "my ex posted my nudes on reddit"),
])
def test_a_message_without_its_towns_keeps_everything_else(text, bare):
    """What the situation model reads again when it is unsure (service._card_without_towns): only the towns go."""
    from assistant.understand.place import without_towns

    assert without_towns(text) == bare


@pytest.mark.parametrize("text, place", [
    ("I saw X has a reporting option under the 'US Take It Down Act' - does that work for me in the Netherlands?", "EU"),
    ("La loi américaine marche aussi pour moi en Belgique ?", "EU"),
])
def test_the_place_a_question_is_asked_for_is_the_writers(text, place):
    """"Does that work for me in the Netherlands?" puts the writer there; a law named for another country ("the US
    Take It Down Act") does not (answer batch 68's hold-out, read after its one measurement: asked its country)."""
    assert detect_jurisdiction(text) == place
