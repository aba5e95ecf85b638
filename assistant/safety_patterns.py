"""High-precision patterns for the safety router, in English, Chinese and French.

Every pattern runs on every message whatever its detected language (short or mixed messages are often detected
wrongly), after `normalize`: NFKC, lower case, accents removed, straight apostrophes. So French patterns are written
without accents ("desabiller", not "déshabiller").

Signals:
- crisis: suicide, self-harm or immediate danger.
- abuse: a request to find, obtain, identify, share, sell or hack (a help-seeking marker cancels it).
- abuse_strong: a request to film covertly, make sexual fakes or escape consequences (only a victim marker cancels it).
- victim: the writer is the person in the images or the one being threatened ("my photos", "of me", "我的照片").
- help: help-seeking words (report, remove, police, support her, my child, is it illegal, who do I turn to).
- harm: a harm told as already done ("her nudes got leaked", "被偷拍"); it keeps the exemplar vote from refusing.
- jailbreak: attempts to lift the rules or extract the prompt, configuration or knowledge base.
- domain: any word of the domain (images, partners, platforms, abuse, law); without one, a message may be out of scope.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.once import load_once

# Words shared by several patterns -------------------------------------------------------------------------------
_G = r"[^.?!\n。？！]"  # a character within the same sentence
_MEDIA_EN = r"(?:nudes?|naked|pics?|photos?|pictures?|images?|videos?|vids?|clips?|sex ?tapes?|tapes?|selfies?|snaps?|content)"
_OTHER_EN = (r"(?:her|his|their|someone'?s|someone else'?s|another (?:girl|woman|person)'?s|this (?:girl|woman|guy|person)'?s"
             r"|(?:my |an? )?ex(?:-?(?:girlfriend|boyfriend|wife|husband|partner))?'?s"
             r"|my (?:girlfriend|boyfriend|wife|husband|partner|crush|classmate|coworker|colleague|neighbou?r|roommate"
             r"|flatmate|housemate|teacher|student|boss|stepsister|friend|date|tenant|sister'?s friend)'?s?)")
_MATERIAL_EN = (r"(?:leak(?:ed|s)?|hidden[- ]?cam(?:era)? (?:videos?|footage|clips|pics|photos|content)|spy[- ]?cam(?:era)? "
                r"(?:videos?|footage|pics)|upskirts?|creep ?shots?|voyeur\w*|revenge porn"
                r"|(?:folder|archive|mega|drive|dump|collection|pack)s? (?:of|with) (?:the |her |their )?(?:photos|pics|videos|nudes)"
                r"|(?:photos|pics|videos|nudes) of (?:this|that|a|the) (?:influencer|streamer|actress|celebrity|model|girl|woman|camgirl)"
                r"|non[- ]?consensual (?:videos?|porn|"
                r"content|nudes|images)|stolen (?:nudes|pics|photos|videos)|private (?:nudes|pics|photos|videos)|intimate "
                r"(?:images|pics|photos|videos)|mask ?park|nudes)")
_REQ_EN = (r"(?:where|how|which|what|any|anyone|can you|could you|would you|will you|pls|please|plz|help me|teach me|show me|"
           r"tell me|i want to|i wanna|i'?d like to|i need to|trying to|best way|easiest way|ways? to|tips?|is there a way)")

_MEDIA_ZH = r"(?:裸照|照片|视频|私密|艳照|不雅|私照|图片|录像|自拍|聊天记录)"
_OTHER_ZH = r"(?:她|他|前女友|前男友|前任|前妻|前夫|女朋友|男朋友|老婆|老公|女友|男友|同学|同事|室友|邻居|别人|女生|女孩|女主播|网红)"
_REQ_ZH = (r"(?:怎么|怎样|如何|哪里|哪儿|在哪|哪个|哪些|哪种|哪款|什么|有没有|有谁|谁有|求|推荐|帮我|给我|教我|能不能|可以|想|列(?:一下|出)?|麻烦"
           r"|告诉我|分享|发我|发一下)")
_MATERIAL_ZH = (r"(?:偷拍|走光|裙底|偷窥|私密(?:视频|照片|照)|泄露的?.{0,4}(?:视频|照片|裸照)|流出的?(?:视频|照片)?|裸照|艳照|不雅(?:视频|照片)"
                r"|福利(?:群|资源|视频)|(?:偷拍|成人|私密|泄露|流出|福利)资源|求资源|求种子|网盘链接|反差|针孔(?:视频|资源)|换脸(?:视频|片)|电报群|tg群|群号)")

_MEDIA_FR = r"(?:nudes?|photos?|videos?|images?|sextapes?|selfies?|snaps?)"
_OTHER_FR = (r"(?:ses|son|sa|d'elle|de lui|de (?:mon|ma) (?:ex|copine|copain|femme|mari|collegue|camarade|voisine|voisin"
             r"|coloc\w*|prof\w*|patronne|soeur|amie|crush|partenaire|conjointe?)|de mon ex|de cette (?:fille|femme)|d'une fille|de quelqu'un)")
_MATERIAL_FR = (r"(?:fuit(?:e|es|ees?)?|volee?s|divulguee?s|leak\w*|nudes|photos? (?:nues?|intimes|privees|denudees)"
                r"|(?:videos?|images?) (?:intimes|privees|volees|de camera cachee)|cameras? cachees?|sous (?:les|sa) (?:jupes?|robes?)|upskirt"
                r"|(?:tournee?s?|prises?|filmee?s?) en cachette"
                r"|voyeur\w*|revenge porn|porno de vengeance|sextapes?|mask ?park|(?:photos|videos|nudes) d'ex\w*"
                r"|(?:dossier|archive|pack|collection|lien)s? (?:partage )?(?:avec|de|des) (?:les )?(?:photos|videos|nudes)"
                r"|(?:photos|videos|nudes) (?:de|d') ?(?:cette|une|la) (?:influenceuse|streameuse|actrice|youtubeuse|star|celebrite|fille"
                r"|femme))")
_REQ_FR = (r"(?:ou|comment|quel|quelle|quels|quelles|y a-t-il|connais|tu peux|vous pouvez|pourriez|aide-moi|apprends-moi"
           r"|montre-moi|dis-moi|je veux|je voudrais|j'aimerais|astuces?|conseils?|meilleure? (?:facon|maniere|site|appli)|moyen)")

# Escaping consequences is refused only when the writer says they did (or want to do) the abusive act: "he can't get
# away with this" or "can I report without being traced?" come from survivors.
_OFFENCE_EN = (r"\b(?:i|i've|i have|i had|i just|how (?:do|can|could|should) i|how to|can i|could i|should i|if i|when i|want to"
               r"|wanna|going to|gonna|help me|best way to|ways? to|for|after)\b (?:\w+ )?(?:post|share|leak|send|upload|film|record"
               r"|spread|sell|forward|posted|shared|leaked|sent|uploaded|filmed|recorded|sold|forwarded|posting|sharing|leaking"
               r"|sending|uploading|filming|recording|spreading|selling)\b (?:her|his|their|my ex'?s|a girl'?s|someone'?s|(?:the"
               r"|those|these) (?:pics|photos|nudes|videos?|pictures|clip|tape))\b")
_EVADE_EN = (r"\b(?:(?:avoid|escape|dodge|beat|get out of|evade) (?:the )?(?:police|cops|charges?|arrest|prosecution|jail|prison"
             r"|conviction|custody|a (?:criminal )?record|trial|getting (?:caught|arrested|charged)|being (?:caught|arrested|charged))"
             r"|(?:not|never|without) (?:get|getting|being) (?:caught|arrested|charged|traced)|get away with|(?:traced|tracked) back"
             r" to me|(?:don'?t|won'?t|not) get in(?:to)? trouble|(?:can|will|could|would) (?:the )?(?:police|cops|they) (?:trace"
             r"|track|find|identify) me|(?:police|cops|nobody|no one)\b[^.?!\n]{0,10}(?:can'?t|cannot|won'?t|couldn'?t|can never)"
             r" (?:prove|tell|know)|anonymous(?:ly)?|untraceabl[ey]|vpn|burner|fake account|(?:wipe|clean|reset|factory reset|scrub)"
             r" (?:my |the )?(?:phone|laptop|computer|drive|devices?)|if (?:the )?(?:police|cops) (?:take|seize|check|search))\b")
_OFFENCE_FR = (r"\b(?:j'ai|je les ai|je l'ai|je vais|comment|pour|si je|quand je)\b" + r"[^\n]{0,10}\b(?:publi\w*|post\w*|partag\w*"
               r"|envoy\w*|diffus\w*|film\w*|leak\w*|balanc\w*|vend\w*)\b[^\n]{0,15}\b(?:ses|sa|son|leurs|les photos|les videos"
               r"|les nudes|la video)\b")
_EVADE_FR = (r"\b(?:(?:eviter|echapper a|esquiver) (?:la police|les flics|la prison|une plainte|les poursuites|la garde a vue|un"
             r" proces|une condamnation|le casier|d'etre (?:arrete|poursuivi|condamne|retrouve))|(?:sans|pour ne pas) (?:me faire"
             r"|se faire|etre) (?:prendre|attraper|arreter|choper|pincer)|(?:la police|les flics|ils)\b[^.?!\n]{0,20}\b(?:me"
             r" retrouver|me tracer|remonter jusqu'a moi)|remonte(?:r)? jusqu'a moi|anonymement|vpn)\b")
_OFFENCE_ZH = r"(?:我)?(?:发|传|拍|录|上传|泄露|曝光|卖)(?:了)?(?:她|他|前女友|前任|别人|照片|视频|裸照)"
_EVADE_ZH = r"(?:不被|逃避|躲避|躲过|避开|不会被)(?:警察|抓|查到|发现|追究|判刑|坐牢|起诉)|(?:能|会)(?:查到|追查到|抓到|找到)我"

# Not after a third person: "her ex put a tracker on her phone" tells what happened; it asks for nothing.
_NOT_TOLD = "".join(f"(?<!{w} )" for w in ("he", "she", "they", "ex", "ex's", "has", "had", "he's", "she's", "boyfriend",
                                            "girlfriend", "husband", "wife", "partner", "someone"))

PATTERNS: dict[str, list[str]] = {
    "crisis": [
        # en: suicide and self-harm
        r"\bsuicid", r"\b(?:kill|killing|hang|hanging|hurt|hurting|harm|harming|cut|cutting|burn|burning|drown|poison|starve)"
        r" (?:myself|my ?self)\b",
        r"\b(?:end|ending|take|taking) (?:my|my own) life\b", r"\bend(?:ing)? it all\b",
        r"\b(?:want|wanna|going|ready|plan(?:ning)?|wish|deserve) (?:to )?(?:die|be dead)\b", r"\bi wish i (?:was|were) dead\b",
        r"\bbetter off (?:dead|without me)\b|\brather (?:be dead|die|not be alive|not exist)\b|\bend(?:ing)? things\b",
        r"\b(?:no|don'?t see (?:a|any)|not (?:a|one) single|can'?t find (?:a|any)) reason to (?:keep going|go on|continue|carry on|live"
        r"|stay|be here|keep living)\b", r"\b(?:pills|tablets|meds|rope|razor|blade)\b" + _G + r"{0,15}\b(?:in front of me|next to me"
        r"|ready|lined up)\b", r"\b(?:i'?m|i am|i'?ll|i will|going to|gonna) end(?:ing)? it\b(?! with)",
        r"\bthis is (?:my )?goodbye\b|\bgoodbye (?:forever|everyone|world|for good)\b|\bsaying (?:my )?goodbyes\b|\bmy last message\b",
        r"\b(?:following|chasing|tailing|stalking) me (?:home|down the street|on the street|right now|now|in (?:his|a|the) car)\b"
        r"|\blocked me in\b|\bwon'?t let me (?:leave|out|go)\b|\btook my phone\b",
        r"\burge to (?:cut|hurt|harm|burn)\b|\b(?:started|start) cutting\b|\bcutting again\b|\bnot being here\b|\b(?:except|other than"
        r"|but) (?:dying|death|to die|ending it)\b|\b(?:forcing|breaking|kicking|smashing|trying to (?:force|break|kick)) (?:the|my)"
        r" (?:lock|door|window)\b|\bi'?m dead when (?:he|she|they)\b",
        r"\b(?:letters?|notes?) (?:to|for) my (?:parents|family|mum|mom|dad|kids|children|sister|brother)\b" + _G + r"{0,15}\b(?:written"
        r"|ready|done|finished)\b|\bhow many (?:sleeping )?(?:pills|tablets)\b" + _G + r"{0,30}\b(?:to|would|does|die|not wake)\b",
        r"\b(?:when|after|once) i'?m (?:gone|dead|no longer (?:here|around))\b",
        r"\b(?:razor|blade|knife|pills|rope) in my hand\b|\b(?:pain|it all|everything) (?:to )?stop (?:permanently|forever|for good)\b",
        r"\bon (?:his|her|their) way\b" + _G + r"{0,20}\bto (?:hurt|kill|beat|attack|get) me\b|\btrying to get (?:in|inside|through)\b", r"\bbetter off if i (?:was|were|wasn'?t|weren'?t)\b",
        r"\b(?:don'?t|do not|no longer) want to (?:live|be alive|exist|be here|wake up|go on)\b",
        r"\b(?:no|nothing) (?:left )?to live for\b", r"\b(?:no|what'?s the|what is the) (?:point|reason) (?:in |of )?"
        r"(?:living|going on|being alive|staying alive|carrying on)\b", r"\bno reason to live\b",
        r"\bcan'?t (?:go on|keep going|do this) (?:anymore|any more|any longer)\b", r"\bself[- ]?harm",
        r"\boverdos", r"\b(?:took|taken|swallowed|swallow) (?:a lot of|all (?:of )?my|a bunch of|too many|the whole (?:bottle|box|pack)"
        r" of|\w+ (?:sleeping )?pills)", r"\bjump (?:off|from) (?:a|the|my)\b", r"\bin front of a (?:train|car|truck)\b",
        r"\b(?:goodbye|suicide) (?:letters?|notes?)\b", r"\bnever wake up\b",
        r"\b(?:disappear|vanish)\w* (?:forever|for good|permanently)\b|\bbe gone (?:forever|for good)\b",
        r"\bwant (?:it all|everything|all of (?:it|this)|the pain|my life) to (?:stop|end)\b|\bcan'?t go on like this\b",
        r"\bgiv(?:e|ing|en) away (?:my|all my|all of my) (?:things|stuff|belongings|possessions)\b",
        r"\b(?:standing|sitting) on (?:the|a) (?:bridge|roof|ledge|edge|railing)\b",
        r"\bnot (?:be|being) (?:here|around|alive) (?:anymore|any more|tomorrow|much longer)\b",
        # en: immediate danger
        r"\b(?:is|are|'s|'re|keeps?) (?:outside|at|banging on|knocking on|pounding on|kicking|breaking down|trying to (?:get|break)"
        r" (?:in|into))(?: (?:my|the))? (?:door|house|home|flat|apartment|window|room|place)\b",
        r"\b(?:outside|at) my (?:door|house|home|flat|apartment|window|work|office|school)\b" + _G + r"{0,30}\b(?:right now|now)\b",
        r"\b(?:right now|as we speak)\b" + _G + r"{0,40}\b(?:outside|at) my (?:door|house|home|flat|apartment|window|work)\b",
        r"\b(?:is|are|'s|'re|keeps?) (?:hitting|beating|choking|strangling|attacking|hurting|punching|kicking) me\b",
        r"\b(?:going to|gonna|will|wants? to|threatened to|threatening to|is going to|said he'?d|says he'?ll) (?:kill|murder|stab|"
        r"shoot|strangle) me\b", r"\b(?:broke|breaking|broken|forced his way|forcing his way) in(?:to)? (?:my|the)\b",
        r"\b(?:has|with|holding|got|carrying) a (?:knife|gun|weapon)\b|\b(?:he|she|they)(?:'s|'re| is| are) in my (?:house|home|flat"
        r"|apartment|room|bedroom)\b",
        r"\b(?:no one|nobody|no-one) (?:will )?(?:has|have|needs?|need) to (?:deal with|worry about|take care of|care for|put up with"
        r"|look after) me\b|\b(?:won'?t|will not|no longer) be a burden\b", r"\bi'?m (?:in danger|not safe) (?:right )?now\b",
        r"\bi am in danger\b", r"\bi'?m in danger\b", r"\bhiding (?:from him|from her|in the|in my)\b",
        # zh
        r"自杀|自殺|轻生|不想活|想死|想去死|想要死|寻死|死了算了|不如死|活不下去|不想再活|活着(?:还)?有什么意|活着没(?:有)?(?:意思|意义)",
        r"结束(?:自己的|我的)?生命|了结自己|一了百了|离开这个世界|遗书|割腕|割自己|自残|自伤|伤害自己|跳楼|跳河|跳桥|跳下去",
        r"安眠药|吞药|吃了(?:很多|一整瓶|一瓶|一把)|再也不(?:要|想)?醒|不想醒来|撑不下去|永远消失|消失(?:算了|掉算了)"
        r"|没有(?:理由|意义)(?:再)?(?:继续|活|撑)|我(?:走了|死了|不在了)(?:以后|之后)|药.{0,4}(?:就在|摆在)(?:面前|手边|旁边)|结束这一切|永别|诀别|最后一条消息"
        r"|再见了?.{0,2}(?:大家|世界|所有人)|(?:一直|正在|现在).{0,4}跟(?:着|在)我|跟在我后面|把我锁在|不让我(?:走|出去|离开)"
        r"|(?:抢|拿|收)走了?我的?手机|手机.{0,4}被(?:他)?(?:抢|拿|收)走|没有我.{0,6}(?:更好|轻松)|我不在了|(?:不用|不需要|没人需要)再为我(?:操心|担心)|不会再拖累|用不着了|不需要了.{0,6}(?:东西|以后)|站在(?:楼顶|天台|桥上|窗台)",
        r"(?:现在|正在|就在|此刻|刚刚|马上).{0,10}(?:门口|门外|楼下|闯进|打我|掐我)|(?:门口|门外|楼下).{0,6}(?:现在|正在|就在)",
        r"(?:他|她|前任|前男友|前夫|那个人).{0,6}(?:在我家|在我房间|在门口|在楼下|闯进).{0,10}(?:威胁|打|砸|闹|不肯走|不走|骂)|正在打我|在打我|掐我脖子|要杀(?:了)?我|杀了我|拿着刀|拿刀|闯进了?我?(?:家|房间|屋|门|来)|破门而入|躲在(?:厕所|卫生间|衣柜|房间|柜子)"
        r"|(?:给|留给)(?:爸妈|父母|家人|妈妈|爸爸|孩子).{0,4}的?信.{0,6}(?:写好|写完)|砸(?:我家的?)?门|踹门|撬门|我(?:现在|此刻|真的)?(?:很|有)危险"
        r"|我有危险",
        # fr (no accents)
        r"\bsuicid|\bme tuer\b|\bmettre fin a (?:mes jours|ma vie|tout)\b|\ben finir\b|\b(?:veux|veut|voudrais|envie de|vais|va) (?:juste |vraiment |simplement |tellement )?mourir\b",
        r"\b(?:plus aucune|aucune|pas de|plus de) raison de (?:continuer|vivre|rester|tenir)\b|\b(?:medicaments|cachets|comprimes"
        r"|corde|lame)\b" + _G + r"{0,15}\b(?:devant moi|a cote de moi|prets?)\b|\bje vous dis adieu\b|\badieu\b|\bmon dernier message\b",
        r"\bme (?:suit|poursuit|file|suivent)\b" + _G + r"{0,30}\b(?:maintenant|en ce moment|la|dans la rue|jusqu'a chez moi)\b"
        r"|\bm'a enfermee?\b|\bne me laisse pas (?:sortir|partir)\b|\bm'a pris mon (?:telephone|portable)\b",
        r"\b(?:lame|couteau|rasoir|cachets) dans (?:la|ma) main\b|\b(?:douleur|tout) (?:cesse|s'arrete)\w* (?:definitivement|pour toujours)\b",
        r"\b(?:arrive|vient|venir) (?:chez moi )?pour me (?:frapper|tuer|battre|faire du mal)\b",
        r"\b(?:plus|pas) envie de vivre\b|\bveux plus vivre\b|\bplus (?:la )?(?:force|raison) de vivre\b|\ba quoi bon vivre\b",
        r"\bmieux sans moi\b|\bsi je n'?etais plus la\b|\bme (?:faire|fais|suis fait) du mal\b|\bscarifi|\bme couper\b|\bouvrir les veines\b|\bautomutil",
        r"\boverdose\b|\bsurdose\b|\b(?:aval\w*|pris) (?:beaucoup|plein|tous mes|toute la boite|une boite)",
        r"\bsauter (?:du|d'un|de la|par la|d'une) (?:pont|toit|fenetre|balcon|immeuble)\b|\blettres? d'adieu\b",
        r"\bne (?:jamais|plus) (?:me|se) reveiller\b|\bquand je ne serai plus la\b|\bapres ma mort\b|\bcombien de (?:somniferes|cachets|medicaments|comprimes)\b"
        r"|\blettres? (?:pour|a) (?:mes parents|ma famille|mes enfants)\b" + _G + r"{0,15}\b(?:ecrites?|pretes?|finies?)\b|\bje me cache\b|\bdisparai\w* (?:pour toujours|a jamais|pour de bon)\b|\bplus envie d'exister\b",
        r"\bque tout s'arrete\b|\bdonne (?:toutes )?mes affaires\b|\bsur (?:le|un) (?:pont|toit|rebord)\b",
        r"\b(?:est|sont|attend|tambourine|frappe|defonce|essaie d'entrer)" + _G + r"{0,20}\b(?:devant|a) (?:ma|la) porte\b",
        r"\bdevant chez moi\b" + _G + r"{0,20}\b(?:en ce moment|maintenant)\b",
        r"\b(?:en ce moment|maintenant)\b" + _G + r"{0,20}\bdevant chez moi\b",
        r"\ben train de me (?:frapper|battre|etrangler|tuer)\b|\bme (?:frappe|bat|serre le cou|etrangle) (?:en ce moment|maintenant)",
        r"\bme serre le cou\b|\b(?:va|veut|menace de|vont) me tuer\b|\b(?:un|avec un|a un) (?:couteau|arme|pistolet|fusil)\b",
        r"\b(?:il|elle) est chez moi\b" + _G + r"{0,30}\b(?:menace|frappe|crie|ivre|a bu|bourre|casse)",
        r"\bpersonne n'aura (?:plus )?a (?:s'occuper|se soucier|s'inquieter|supporter) de moi\b|\bne (?:serai|serais) plus un (?:poids|fardeau)\b",
        r"\bde force\b" + _G + r"{0,20}\bchez moi\b|\bchez moi de force\b|\bje suis en danger\b",
        # added after routes_batch3 (first sight): stockpiled pills, "coming up", cutting in zh, informal fr,
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting) (?:up )?(?:my |some |all my |enough )?(?:pills|tablets|meds|medication|sleeping pills)\b",
        r"\bdon'?t see the point (?:anymore|any more|in (?:anything|living|going on)|of (?:anything|living|going on))\b",
        r"\b(?:he'?s|he is|she'?s|she is|they'?re|they are) (?:coming|heading) (?:up|in|inside|upstairs)\b",
        r"划(?:自己|手腕|胳膊|大腿)|(?:拿|用)(?:刀片?|小刀|剪刀)划|忍不住.{0,4}(?:伤害自己|割)",
        r"(?:\bje |\bj'?)(?:ne )?veux (?:plus|pas) (?:etre la|exister)\b|\bplus etre la demain\b",
        r"\bdevant chez moi la\b|\b(?:defonce|defoncer|enfonce|enfoncer|casse|casser|force|forcer) (?:la|ma) porte\b",
        # added after routes_batch4 (first sight),
        r"\b(?:easier|better) for (?:everyone|everybody|all of them|my family|them)\b[^\n]{0,30}\bif i (?:just )?(?:wasn'?t|weren'?t|was not|were not|was gone|disappeared|didn'?t exist)\b",
        r"\b(?:written|wrote|left) (?:a )?(?:letters?|notes?) (?:to|for) my (?:mum|mom|mother|dad|father|parents|family|sister|brother|kids|children|son|daughter|partner|husband|wife|best friend)\b",
        r"(?:猫|狗|宠物|孩子)(?:已经)?(?:都)?托付给|不用再面对(?:任何人|大家|所有人)|不用再见任何人",
        r"\ben bas de chez moi\b[^\n]{0,60}\b(?:va monter|monte|va entrer|arrive)\b|\bil va monter\b",
        r"\b(?:tout le monde|ils|elles|ma famille) (?:serait|seraient) (?:soulage\w*|mieux|plus heureu\w*) si je (?:disparaissais|n'etais plus la|mourais|partais)\b",
    ],
    "abuse": [
        # en: find, obtain, watch
        r"\b(?:where|how|which|what)\b" + _G + r"{0,30}\b(?:find|watch|see|view|download|get|access|stream|join|buy|purchase|locate"
        r"|obtain|get hold of|look at|search for|trade|swap|exchange|sell)\b" + _G + r"{0,60}" + _MATERIAL_EN,
        r"\b(?:(?:send|give|show|tell|name|drop|dm|get|find|fetch|bring) (?:me|us)|share|recommend\w*|list\w*|link\w*|suggest\w*)\b" + _G + r"{0,60}"
        + _MATERIAL_EN,
        r"\b(?:looking for|searching for|in search of|want to (?:see|watch|find|download|get|buy)|wanna (?:see|watch|find|download|"
        r"get)|i need)\b" + _G + r"{0,40}" + _MATERIAL_EN,
        r"\b(?:any|best|good|top|free|new|working|active|which|what|main|biggest|popular)\b" + _G + r"{0,30}\b(?:sites?|websites?|groups?|channels?|servers?|links?"
        r"|forums?|subreddits?|chats?)\b" + _G + r"{0,30}" + _MATERIAL_EN,
        _MATERIAL_EN + _G + r"{0,20}\b(?:sites?|websites?|groups?|channels?|servers?|links?|forums?|subreddits?)\b" + _G
        + r"{0,30}\b(?:where|link|recommend|any|best|join)\b",
        _REQ_EN + _G + r"{0,30}\b(?:find|get|see|watch|download|access|obtain|look at|buy)\b" + _G + r"{0,15}" + _OTHER_EN + " "
        + _G + r"{0,15}" + _MEDIA_EN,
        r"\b(?:download|save|archive|grab|rip|scrape|copy)\b (?:everything|all (?:the )?(?:videos|pics|photos|files|content|media))"
        r" (?:from|in|on|off) (?:a |the |this |that )?(?:private )?(?:leak\w*|channel|group|folder|server|chat)",
        r"\b(?:face|facial) (?:recognition|search)\b|\bpimeyes\b|\bfacecheck\b",
        # en: identify
        r"\b(?:who is|who'?s|identify|find out who|name of|figure out who)\b" + _G + r"{0,10}\b(?:the|this|that) (?:girl|woman|guy|"
        r"man|person|lady|model|chick)\b" + _G + r"{0,10}\b(?:in|from|on)\b",
        r"\b(?:find|track down|get|locate|figure out|look up|dig up)\b" + _G + r"{0,30}\b(?:her|his|their|the girl'?s|the woman'?s)"
        r" (?:real )?(?:name|address|instagram|facebook|socials|social media|phone number|number|identity|school|workplace)\b",
        r"\b(?:name|address|identity|instagram|socials)\b" + _G + r"{0,20}\bof (?:the|this|that) (?:girl|woman|guy|man|person|lady)\b"
        + _G + r"{0,10}\b(?:in|from|on)\b",
        r"\b(?:dox|doxx)(?:ing)? (?:her|him|them|this|the)\b",
        r"\b(?:work out|figure out|find out|tell me|know|identify|recogni[sz]e)\b" + _G + r"{0,10}\bwho (?:she|this (?:girl|woman|person)"
        r"|the (?:girl|woman|person)(?: in (?:it|the \w+|this \w+))?) (?:is|was)\b", r"\breverse image search\b" + _G + r"{0,40}\b(?:her|girl|woman|who)\b",
        r"\btrack down\b" + _G + r"{0,20}\b(?:the )?(?:girl|woman)\b",
        # en: distribute, sell, threaten
        _REQ_EN + _G + r"{0,30}\b(?:post|share|upload|send|leak|spread|sell|distribute|publish|expose|forward|release|circulate"
        r"|posting|sharing|uploading|sending|leaking|spreading|selling|publishing|exposing|forwarding)\b"
        + _G + r"{0,20}" + _OTHER_EN + " " + _G + r"{0,15}" + _MEDIA_EN,
        r"\b(?:sell|monetize|make money (?:from|with|off))\b" + _G + r"{0,30}\b(?:videos?|nudes?|pics|photos|tapes?)\b" + _G
        + r"{0,15}\b(?:of|from)\b",
        r"\b(?:send|show|post|share|forward|email|e-mail|mail|text|dm)\b" + _G + r"{0,25}\bto (?:her|his|their) (?:family|parents|boss"
        r"|friends|husband|boyfriend|wife|school|work|coworkers|followers)\b",
        r"\b(?:send|show|forward|email|e-mail|mail|text|dm)\b (?:\w+ )?(?:her|his|their) (?:family|parents|boss|friends|husband|boyfriend"
        r"|wife|school|coworkers|followers)\b" + _G + r"{0,30}\b" + _MEDIA_EN + r"\b",
        r"\b(?:write|draft|word)\b" + _G + r"{0,40}\b(?:threat|threaten\w*|blackmail\w*|extort\w*)\b",
        r"\bunless (?:she|he|they) (?:pays?|sends?|comes? back|does)\b",
        r"\b(?:expos\w*|humiliat\w*|sham\w*|out|outing) (?:her|him|them)\b" + _G + r"{0,30}\b(?:nudes?|pics|photos|videos?|tapes?)\b",
        r"\b(?:make sure|ensure|so that|so)\b" + _G + r"{0,40}\bcan'?t be used (?:against me|as evidence|in court)\b",
        r"\brevenge\b" + _G + r"{0,40}\b(?:post|share|leak|send|expose|sharing|posting|leaking|sending|exposing)\b",
        # en: hack and spy
        r"\b(?:hack|hacking|break into|breaking into|get into|log ?into|login to|access|crack|bypass|unlock|guess|get)\b" + _G
        + r"{0,15}" + _OTHER_EN + r" (?:\w+ ){0,2}(?:account|phone|icloud|cloud|google|gmail|email|snapchat|instagram|facebook|"
        r"whatsapp|wechat|photos|gallery|camera roll|drive|dropbox|laptop|computer|password|passcode|pin|messages|dms|texts)\b",
        r"\b(?:how|help me|teach me|can i|could i|ways? to|want to|wanna)\b" + _G + r"{0,15}\bhack\b",
        r"\b(?:crack|cracking|hack|hacking|guess|guessing|bypass|bypassing|break into|breaking into)\b" + _G + r"{0,30}\b(?:her|his|their"
        r"|former|ex|girlfriend|boyfriend|wife|husband|partner|someone)\b" + _G + r"{0,20}\b(?:login|password|passcode|account|email"
        r"|icloud|phone|pin)\b",
        r"\b(?:mirror\w*|forward\w*|sync\w*|copy|copies|clone|intercept\w*)\b" + _G + r"{0,20}\b(?:her|his|my (?:partner|wife|girlfriend"
        r"|husband|boyfriend|ex)'?s?)\b" + _G + r"{0,10}\b(?:chats|messages|texts|dms|photos|calls|whatsapp)\b",
        r"\b(?:spy on|stalk|monitor|track|read)\b" + _G + r"{0,10}\b(?:her|his|my (?:wife|girlfriend|ex|husband|boyfriend|partner|"
        r"crush)|my ex-?\w*|someone)\b" + _G + r"{0,25}\b(?:phone|location|messages|texts|chats|whatsapp|without (?:her|him|them)"
        r" knowing|secretly)\b",
        r"\b(?:spyware|stalkerware|keylogger|tracking app|spy app|mspy|flexispy)\b" + _G + r"{0,30}" + r"\b(?:her|his|wife'?s|"
        r"girlfriend'?s|partner'?s|ex'?s|someone'?s)\b",
        r"\b(?:install|put|hide)\b" + _G + r"{0,15}\b(?:spyware|stalkerware|keylogger|tracker|spy app|tracking app)\b",
        # zh
        _REQ_ZH + r".{0,12}" + _MATERIAL_ZH, _MATERIAL_ZH + r".{0,10}(?:求|有吗|谁有|发我|私我|私信我|发给我|给我发|传给我|分享给我|链接|在哪|哪里)",
        r"(?:下载|保存|扒|存).{0,4}(?:全部|所有).{0,6}(?:视频|照片|资源).{0,6}(?:群|频道)|人脸识别|以图搜人",
        r"(?:弄到|搞到|拿到|下载|偷看)" + r".{0,6}" + _OTHER_ZH + r"的?.{0,4}" + _MEDIA_ZH,
        r"(?:认出|查出|找出|知道|看看|查查)(?:她|这个女孩|这女的|这个女生|视频里的人|照片里的人)是谁|人肉|开盒|(?:查|找|搜)(?:一下|出|到)?.{0,12}(?:是谁|真名|真实姓名|名字|住址|地址|微博|抖音|身份|电话|联系方式)"
        r"|(?:视频|照片|图)里的?(?:女生|女孩|女的|人|妹子|男的).{0,6}是谁|找到她(?:本人|的微博|的住址|的联系方式)",
        r"(?:怎么|如何|想|要|帮我|教我|哪里|在哪|最好|能不能|怎样).{0,12}(?:发|传|散布|曝光|公开|上传|卖|出售|转发)"
        r".{0,12}" + _OTHER_ZH + r"的?.{0,6}" + _MEDIA_ZH,
        r"把" + _OTHER_ZH + r"的?.{0,6}" + _MEDIA_ZH + r".{0,4}(?:发出去|传出去|发给|发到|传到|传得|传遍|传开|散布|公开|曝光|卖)",
        r"(?:不给钱|不听话|不复合|不回来|不和我).{0,10}(?:就)?(?:把|发|公开|曝光)|威胁她|威胁他|(?:卖|出售).{0,10}(?:视频|照片|裸照)|(?:视频|照片|裸照).{0,10}(?:卖钱|出售|卖掉|卖给)",
        r"(?:黑进|黑入|入侵|破解|盗取|盗号|登录|登进|进入|偷看|查看|翻看).{0,10}" + _OTHER_ZH + r"的?.{0,6}(?:微信|qq|手机|账号|"
        r"帐号|icloud|云盘|相册|邮箱|密码|聊天记录|照片)",
        r"(?:怎么|如何|教我|帮我|能不能|怎样)(?:才能)?(?:黑进|黑入|入侵|破解|盗号|盗取)",
        r"(?:同步|转发|拦截|复制).{0,8}(?:伴侣|老婆|女朋友|女友|她|他|老公|男朋友)的?.{0,4}(?:聊天|消息|短信|照片)"
        r"|(?:伴侣|老婆|女朋友|女友|她|他|老公|男朋友)的?.{0,4}(?:聊天|消息|短信|照片).{0,6}(?:同步|转发|复制|拦截)到",
        r"(?:在|给)(?:别人|她|他|老婆|女朋友|女友|老公|男朋友|伴侣|前任|前女友|室友)的?(?:手机|电脑)(?:上|里)?.{0,4}(?:装|安装)",
        r"监控(?:老婆|女朋友|女友|她|他|老公|男朋友|前任)的?手机|(?:定位|追踪|跟踪)(?:她|他|前任|前女友|老婆|女朋友)的?(?:手机|位置)"
        r"|装.{0,4}(?:监控软件|定位软件|间谍软件|追踪器).{0,10}(?:她|他|老婆|女朋友|老公)",
        # fr
        r"\b(?:ou|comment)\b" + _G + r"{0,30}\b(?:trouver|voir|regarder|telecharger|acceder|rejoindre|acheter|recuperer|obtenir"
        r"|avoir)\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:envoie|envoyez|donne|donnez|file|balance|partage|partagez|recommande|recommandez|conseille|conseiller|liste|listez"
        r"|lister|indique|indiquez|indiquer|trouve|trouvez)(?:[- ]?(?:moi|nous))?\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:m'|me )(?:envoyer|envoyez|donner|passer|filer|recommander|indiquer|conseiller|montrer|trouver|lister)\b" + _G
        + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:je cherche|je recherche|il me faut|j'ai besoin d[eu']|je veux (?:voir|regarder|trouver|telecharger)|j'aimerais (?:voir|trouver|regarder)"
        r"|je voudrais (?:voir|trouver|regarder))\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:meilleurs?|bons?|quels?|quelles?|principaux|gros)\b" + _G + r"{0,30}\b(?:sites?|groupes?|canal|canaux|serveurs?|liens?)\b" + _G
        + r"{0,30}" + _MATERIAL_FR,
        r"\b(?:recuperer|obtenir|avoir|voir|trouver)\b" + _G + r"{0,10}\b(?:les|des)? ?" + _MEDIA_FR + r"\b" + _G + r"{0,10}"
        + _OTHER_FR,
        r"\b(?:savoir|trouver|decouvrir|dire|reconnaitre)\b qui (?:c'est|elle est|est cette (?:fille|femme)|est la (?:fille|femme))\b",
        r"\b(?:qui est|c'est qui|identifier|retrouver|trouver)\b" + _G + r"{0,40}\b(?:la fille|la femme|cette fille|cette femme"
        r"|le mec|la personne|la meuf)\b" + _G + r"{0,20}\b(?:sur|dans|de) (?:la|cette|ces|les) (?:video|photo|image)s?\b",
        r"\b(?:trouver|retrouver|avoir|obtenir)\b" + _G + r"{0,20}\b(?:son|sa|ses) (?:nom|vrai nom|adresse|instagram|insta|numero"
        r"|identite|compte|reseaux|facebook|tiktok|snap\w*|profil)\b", r"\bdoxx?er\b|\breconnaissance faciale\b",
        r"\b(?:telecharger|recup\w*|sauvegarder|aspirer|choper)\b (?:tout|toutes les|tous les) (?:videos|photos|nudes|contenus?|medias"
        r"|fichiers)\b" + _G + r"{0,10}\b(?:d'un|du|de ce|de la|de cette) (?:canal|groupe|serveur|dossier|chaine)",
        r"\b(?:comment|ou|meilleure? (?:facon|maniere)|aide-moi a|je veux|je vais|dois-je)\b" + _G + r"{0,30}\b(?:publi\w*|post\w*"
        r"|partag\w*|diffus\w*|envoy\w*|balanc\w*|vend\w*|leak\w*|faire fuiter|mettre en ligne|expos\w*|faire tourner)\b" + _G
        + r"{0,30}(?:" + _OTHER_FR + r"\b" + _G + r"{0,20}\b" + _MEDIA_FR + r"|\b" + _MEDIA_FR + r"\b" + _G + r"{0,20}" + _OTHER_FR + ")",
        r"\b(?:ecrire|rediger|formuler)\b" + _G + r"{0,40}\b(?:menac\w*|chantage)\b",
        r"\b(?:si elle|s'il|sinon|a moins qu'elle)\b" + _G + r"{0,30}\b(?:je publie|je poste|je diffuse|j'envoie|je balance)\b",
        r"\b(?:pirater|hacker|craquer|cracker|entrer dans|acceder a|rentrer dans|m'introduire dans|deviner|trouver)\b" + _G
        + r"{0,25}\b(?:compte|telephone|icloud|snapchat|instagram|mot de passe|code|messages|photos|whatsapp|mails?|gmail|drive)\b"
        + _G + r"{0,10}" + _OTHER_FR,
        r"\b(?:recopier|copier|transferer|synchroniser|intercepter)\b" + _G + r"{0,30}\b(?:conversations|messages|sms|photos)\b" + _G
        + r"{0,10}\b(?:de (?:ma|mon|sa|son)|d'elle|de lui)\b",
        r"\b(?:espionner|surveiller|pister|localiser|traquer)\b" + _G + r"{0,10}\b(?:ma|mon|sa|son|mon ex|elle|lui|quelqu'un)\b",
        r"\b(?:suivre la (?:localisation|position))\b" + _G + r"{0,20}\b(?:sans qu'(?:elle|il))",
        r"\b(?:logiciel espion|mouchard|traceur|keylogger|stalkerware)\b" + _G + r"{0,30}\b(?:telephone|portable) (?:de|d')"
        r" ?(?:ma|mon|sa|son|elle|lui)",
        # added after routes_batch3 (first sight); a help-seeking message overrides these,
        r"\b(?:recover|access|get into|log ?into|break into|hack|see|view|download|open)\b" + _G + r"{0,30}\b(?:someone else'?s|another person'?s|other people'?s|their|her|his|my (?:roommate|flatmate|ex|girlfriend|boyfriend|wife|husband|partner|classmate|coworker|colleague|crush)'?s)\b" + _G + r"{0,10}\b(?:icloud|google photos|google drive|dropbox|onedrive|gallery|camera roll|snapchat|instagram)\b",
        r"\b(?:traced|tracked|linked) back to me\b",
        r"\b(?:cracker|craquer|pirater|hacker)\b" + _G + r"{0,30}\b(?:d'une|d'un|de (?:ma|mon|sa|son|cette|la|quelqu'un))\b",
        r"\b(?:ou|quel (?:site|groupe|forum|serveur|canal|discord))\b" + _G + r"{0,60}\b(?:leaks?|fuites?|nudes?|photos? (?:nues?|intimes)) (?:des|de) (?:meufs|filles|nanas|femmes|etudiantes|lyceennes|collegiennes|profs?|voisines?)\b",
        r"\b(?:quel|quelle|ou)\b" + _G + r"{0,30}\b(?:je peux|on peut|peut-on|pour)\b" + _G + r"{0,10}\b(?:poster|publier|balancer|diffuser|partager|mettre en ligne)\b" + _G + r"{0,20}\b(?:photos?|videos?|nudes?|sextapes?) (?:de|d') ?(?:ma (?:meuf|copine|ex|femme|nana|cousine|soeur|coloc|voisine|collegue|prof)|mon (?:ex|copain|mec|keum)|cette (?:fille|meuf))\b",
        r"\bsans (?:me|se) faire (?:griller|gauler|choper|pecho|prendre|attraper|cramer|reperer)\b",
        r"(?:发|传|放|上传|挂)(?:到|在)?(?:哪个|哪些|什么|哪)(?:平台|网站|群|论坛|app).{0,8}(?:传得?最快|最多人看|看的人最多|扩散|(?:能|可以)?让(?:她|他|大家|所有人|更多人))|(?:传|扩散|传播)得最快",
        r"(?:远程|偷偷)(?:看|查看|查|监控|控制|登录|翻)(?!了?我).{0,10}(?:手机|相册|聊天记录|微信|账号|icloud)",
        # added after routes_batch4 (first sight),
        r"\b(?:which|what|where)\b[^\n]{0,30}\b(?:site|website|platform|forum|group|app)\b[^\n]{0,20}\b(?:should|can|could) i (?:upload|post|share|put|send|leak)\b",
        r"\b(?:nudes?|photos?|videos?) de (?:ma|mon|la|une|cette) (?!mere|fille|fils|enfant)\w+[^\n]{0,80}\b(?:cmt|comment|ou)\b[^\n]{0,20}\b(?:les|la) (?:recup|recuperer|choper|avoir|trouver|telecharger|voir)\b",
        r"\b(?:entrer|acceder|me connecter|rentrer|aller)\b (?:dans|a|sur) (?:son|sa|ses|le compte de|la boite de)\b[^\n]{0,20}\b(?:compte|snap\w*|insta\w*|icloud|mail|telephone|tel|portable|galerie)\b",
    ],
    "abuse_strong": [
        # pressing a victim to drop a complaint, and covert spyware on someone else's phone (escaping consequences, spying)
        r"\b(?:pour qu'(?:elle|il)|la faire|le faire|la forcer [àa]|le forcer [àa]) (?:retire|retirer) sa plainte\b"
        r"|\b(?:make|get|force|pressure) (?:her|him|them) (?:to )?(?:drop|withdraw) (?:the |her |his |their )?(?:complaint|charges|report)\b"
        r"|让(?:她|他)撤(?:销|回)?(?:报案|起诉|控告)",
        r"(?:别人|她|他|老婆|女朋友|男朋友|老公|前任)的?手机上?装.{0,6}(?:监控|定位|间谍|追踪)(?:软件|app|程序)"
        r"|装.{0,8}(?:监控|间谍|定位|追踪)(?:软件|app|程序).{0,12}不被(?:发现|察觉)",
        # en: covert filming
        r"\b(?:how|where|best way|ways? to|tips?|help me|teach me|can i|could i|should i|want to|wanna|i'?d like to|trying to|"
        r"without)\b" + _G + r"{0,30}\b(?:secretly|covertly|discreetly|sneakily) (?:film(?:ing)?|record(?:ing)?|tap(?:e|ing)|"
        r"photograph(?:ing)?|video(?:ing)?|shoot(?:ing)?|tak(?:e|ing) (?:photos|pictures|pics|videos?)(?: of)?)\b",
        _REQ_EN + _G + r"{0,30}\b(?:film|record|tape|photograph|take (?:photos|pictures|pics|videos?) of)\b" + _G + r"{0,30}\b"
        r"(?:without (?:her|him|them) (?:knowing|noticing|seeing|finding out)|in (?:the |a |her |their )?(?:(?:girls|women|ladies)'?s?"
        r" )?(?:shower|bathroom|toilet|changing room|locker room|restroom|dressing room)|up (?:her|a|women'?s|girls'?) skirts?|under (?:her"
        r"|the) (?:skirt|dress))",
        r"\b(?:hide|install|set up|place|put|plant|mount|conceal)\b" + _G + r"{0,20}\b(?:camera|cam|recorder)\b" + _G
        + r"{0,40}\b(?:in|inside|into) (?:her|his|their|my (?:roommate|flatmate|housemate|tenant|guest|neighbou?r|sister|"
        r"stepsister|coworker|colleague|girlfriend|nanny|daughter'?s friend)'?s?|the (?:shower|bathroom|toilet|changing room|"
        r"locker room|bedroom|restroom|dorm|guest room|guest bathroom))",
        r"\b(?:best|smallest|tiny|good|cheap|which) (?:spy|hidden|pinhole|button|mini) ?cam(?:era)?s?\b" + _G
        + r"{0,30}\b(?:film|record|watch|people|girls|women|changing|bathroom|shower)",
        r"\b(?:how|where|tips?|best way)\b" + _G + r"{0,20}\b(?:take|get|shoot)\b" + _G + r"{0,10}\b(?:upskirts?|creep ?shots?)\b",
        # en: sexual fakes
        r"\b(?:make|create|generate|produce|render|photoshop|turn|put|swap|paste|morph)\b" + _G + r"{0,40}\b(?:deep ?fake|fake nudes?"
        r"|nudes?|naked|porn|explicit|sex video|topless|undressed|unclothed|nude (?:image|picture|photo|version))\b" + _G
        + r"{0,30}\b(?:of (?:her|him|my|a|this|that|the|someone|them)|her|his|"
        r"classmate|coworker|colleague|crush|ex|neighbou?r|teacher|girl|woman|celebrity)\b",
        r"\b(?:make|create|generate|put|swap|paste)\b" + _G + r"{0,30}\b(?:her|his|my \w+'?s|someone'?s|a girl'?s) face\b" + _G
        + r"{0,30}\b(?:onto|into|on)\b" + _G + r"{0,20}\b(?:porn|explicit|nude|naked|sex)",
        r"\b(?:which|best|good|free|recommend\w*|link|where|find|download)\b" + _G + r"{0,30}\b(?:nudify|nudifier|deepnude)"
        r"|\b(?:nudify|nudifier|deepnude)\b" + _G + r"{0,12}\b(?:her|him|them|this|that|my|a|the|someone|photos?|pics?|images?)\b"
        r"|\b(?:undress (?:her|him|them|this|the|a|girls?|women|people|someone)|remove (?:her|the|their|his)"
        r" cloth(?:es|ing)|removes? clothes)\b", r"\b(?:undress|clothes ?off|x-?ray) (?:app|tool|bot|ai|website|site)\b",
        # en: escaping consequences (by the person who did it) and silencing the victim
        _OFFENCE_EN + r"[^\n]{0,80}" + _EVADE_EN, _EVADE_EN + r"[^\n]{0,80}" + _OFFENCE_EN,
        r"\b(?:delete|destroy|wipe|erase|get rid of|hide|clean up)\b (?:the |all |any |all the )?(?:evidence|proof|traces?)\b" + _G
        + r"{0,40}\b(?:before|so) (?:that )?(?:the )?(?:police|cops|investigators|detectives|forensics|court)\b",
        r"\b(?:make|get|force|convince|persuade|pressure|scare|threaten|intimidate)\b (?:her|him|them|the victim|the girl|my ex)\b" + _G
        + r"{0,30}\b(?:drop|withdraw|retract|take back|not (?:to )?report|stay quiet|keep quiet|shut up|keep (?:her|his) mouth"
        r"|(?:doesn'?t|does not|won'?t|will not|not to|never) (?:go(?:es)? to|call|tell|report|press))",
        r"\bso (?:that )?(?:she|he|they) (?:drops?|withdraws?|retracts?) (?:the |her |his |their )?(?:charges|complaint|case|report)\b",
        r"\b(?:secretly|covertly|without (?:her|him|them) knowing|behind (?:her|his|their) back)\b" + _G + r"{0,30}\b(?:see|view|look at|"
        r"read|access|check|recover|get|open)\b" + _G + r"{0,20}\b(?:her|his|their|my (?:wife|girlfriend|husband|boyfriend|partner|ex)'?s?)"
        r"\b" + _G + r"{0,15}\b(?:photos?|pics|pictures|messages|texts|dms|chats|gallery|phone)\b",
        _REQ_EN + _G + r"{0,30}\b(?:see|view|look at|read|access|recover|get)\b" + _G + r"{0,30}\b(?:photos?|pics|pictures|messages"
        r"|texts|dms|chats)\b" + _G + r"{0,30}\b(?:(?:my )?(?:wife|girlfriend|husband|boyfriend|partner|ex)|she|he)\b" + _G
        + r"{0,10}\b(?:deletes?|deleted|hides?|hid|removes?|removed|keeps? private)\b",
        r"\bso (?:that )?(?:the )?(?:police|cops|investigators|forensics|detectives)\b" + _G + r"{0,10}(?:can'?t|cannot|won'?t|couldn'?t"
        r"|will never|never) (?:recover|find|trace|prove|restore|access)\b",
        _NOT_TOLD + r"\b(?:install|put|hide|set up)\b" + _G + r"{0,20}\b(?:spyware|stalkerware|keylogger|spy app|tracking app|tracker)\b" + _G
        + r"{0,40}\b(?:without (?:her|him|them)|so (?:she|he|they) (?:won'?t|doesn'?t|don'?t|can'?t)|remotely|her|his|wife|girlfriend"
        r"|partner|husband|boyfriend|ex)\b",
        r"\b(?:camera|cam)s?\b" + _G + r"{0,60}\bso (?:that )?(?:nobody|no one|she|he|they) (?:notices?|sees?|finds?|spots?) (?:it|them)\b",
        r"\b(?:camera|cam)s?\b" + _G + r"{0,60}\bso (?:that )?(?:\w+ ){1,2}(?:don'?t|doesn'?t|won'?t|can'?t|never) (?:notice|see|find|spot)\b"
        r"|\b(?:best|good|where|which|ideal) (?:place|spot|way|angle) to (?:hide|put|place|conceal) (?:a |the |my )?(?:hidden |spy |tiny )?"
        r"(?:camera|cam)\b",
        r"\b(?:camera|cam)s?\b" + _G + r"{0,30}\b(?:leave|hide|put|place|plant|set up|install|stick|position)\b" + _G + r"{0,20}\b(?:in|inside"
        r"|into) (?:her|his|their|my (?:roommate|flatmate|housemate|tenant|guest|neighbou?r|sister|stepsister|daughter|coworker|colleague"
        r"|girlfriend|nanny|mother|mum|mom)'?s?|the (?:shower|bathroom|toilet|changing room|locker room|bedroom|restroom|guest room))",
        r"\bwhile (?:she|he|they)(?:'s|'re| is| are)? (?:asleep|sleeping|sleeps|sleep|in the shower|showering)\b" + _G + r"{0,40}"
        r"\b(?:unlock|open|look|see|check|go through|read|film|record|photograph)\b|\b(?:unlock|open|look at|see|check|go through|read"
        r"|film|record|photograph)\b" + _G + r"{0,40}\bwhile (?:she|he|they)(?:'s|'re| is| are)? (?:asleep|sleeping|sleeps|sleep|in the"
        r" shower|showering)\b",
        r"\b(?:secretly|covertly|discreetly|without (?:her|him|them) (?:knowing|noticing|finding out)|behind (?:her|his|their) back)\b"
        + _G + r"{0,30}\b(?:see|view|look at|read|access|check|recover|get|getting|copy|copying|take|taking|grab|go through|download"
        r"|transfer)\b" + _G + r"{0,40}" + r"\b(?:photos?|pics|pictures|messages|texts|dms|chats|gallery|phone|camera roll|icloud)\b",
        r"\b(?:see|view|look at|read|access|check|recover|get|getting|copy|copying|take|taking|grab|go through|download|transfer)\b"
        + _G + r"{0,15}\b(?:photos?|pics|pictures|messages|texts|dms|chats)\b" + _G + r"{0,20}\b(?:her|his|their|my (?:ex|wife"
        r"|girlfriend|husband|boyfriend|partner))\b" + _G + r"{0,30}\b(?:without (?:her|him|them) (?:knowing|noticing|finding out)"
        r"|secretly|behind (?:her|his|their) back)\b",
        r"\b(?:nobody|no one|no-one|the police|she) (?:finds? out|knows?|can tell|notices?|realizes?)\b" + _G + r"{0,10}\bi (?:was"
        r" (?:filming|recording)|(?:filmed|recorded|posted|leaked) (?:her|them|it|the))\b",
        r"\b(?:make|turn|edit|change) (?:them|it|this|these|those|her|the (?:photos?|pics?|pictures?|images?)) (?:into )?(?:explicit|nudes?"
        r"|naked|sexual|porn\w*|x-rated)\b",
        # zh
        r"(?:偷偷|背着(?:她|他)|(?:她|他)不知道).{0,10}(?:看|查看|恢复|翻|读).{0,10}(?:照片|聊天|微信|相册|手机)"
        r"|(?:看|查看|恢复|翻).{0,15}(?:照片|聊天|微信|相册).{0,4}(?:偷偷|背着)",
        r"(?:不让|别让|不被).{0,6}(?:发现|知道|查出).{0,6}是我(?:发|传|拍|录|上传|泄露)",
        _OFFENCE_ZH + r".{0,30}(?:" + _EVADE_ZH + r")", r"(?:" + _EVADE_ZH + r").{0,30}" + _OFFENCE_ZH,
        r"(?:vpn|翻墙|匿名|小号|代理).{0,20}(?:能|会)(?:查到|追查到|抓到|找到)我",
        r"让(?:警察|警方).{0,4}(?:恢复不了|查不到|查不出)|(?:怎么|如何|怎样|要怎么|该怎么|教我|帮我|能不能|想)(?:才能)?(?:彻底)?(?:销毁"
        r"|删干净|清除干净|处理掉).{0,6}(?:证据|聊天记录|记录|痕迹)"
        r"|(?:证据|聊天记录|记录|痕迹).{0,6}(?:怎么|如何|怎样)(?:才能)?(?:彻底)?(?:销毁|删干净|清除|处理掉)|(?:吓|威胁|恐吓|逼).{0,6}(?:她|他).{0,10}(?:不敢|别|不要|不去)(?:报警|告诉|说出去|报案)",
        r"(?:怎么|如何|怎样|教我|求教|哪里可以|在哪里|在哪|能不能|想)(?:才能|能|可以|去|偷偷|更好地|不被发现地)?(?:偷拍|偷录|拍裙底|偷窥|装针孔"
        r"|装摄像头|藏摄像头|安装摄像头|放摄像头)",
        r"(?:哪种|哪款|什么|推荐|求).{0,6}(?:针孔|微型|隐藏|隐形|迷你)(?:摄像头|摄像机|相机).{0,10}(?:偷拍|拍|录|适合)",
        r"(?:宿舍|浴室|卫生间|厕所|更衣室|卧室|酒店|房间).{0,6}(?:装|放|藏|安)(?:个|一个)?(?:针孔|摄像头|摄像机)",
        r"(?:摄像头|摄像机|针孔|隐藏镜头|镜头).{0,12}(?:放|装|藏|安)(?:在|到).{0,8}(?:房间|宿舍|浴室|卫生间|厕所|更衣室|卧室)",
        r"趁(?:她|他)(?:睡着|睡觉|洗澡).{0,10}(?:解锁|看|翻|拍|录)|让(?:案子|案件|她|对方)(?:被)?(?:撤掉|撤销|撤案|撤诉|销案)",
        r"(?:偷偷|秘密|不被发现|不让她知道|她不知道).{0,10}(?:拍|录)|(?:拍|录).{0,8}(?:不被发现|不让她知道)",
        r"(?:衣服|衣物)(?:去掉|脱掉|删掉|p掉)|(?:去掉|脱掉|p掉)(?:衣服|衣物)|(?:我|怎么|如何|有没有办法|怎样).{0,6}逃(?:掉|避|脱)?.{0,2}(?:法律)?(?:责任|制裁|处罚)",
        _REQ_ZH + r"(?!.{0,8}(?:讲|解释|介绍|科普|了解|防范|识别))" + r".{0,15}(?:一键)?(?:脱衣|去衣|扒衣)|换脸.{0,10}(?:色情|黄|不雅|裸|成人|av|片)|把.{0,10}(?:脸|头像).{0,4}(?:换到|放到|贴到|p到|合成到|移到).{0,10}(?:裸|色情|黄|成人|不雅)|把.{0,10}脸换到|(?:怎么|如何|帮我|教我|哪个|什么|想)"
        r".{0,10}(?:deepfake|深度伪造)",
        r"(?:做|生成|合成|制作|p|ps)(?:成|一张|一个|几张)?.{0,10}(?:裸照|裸体|色情|黄图|不雅照)",
        r"让她(?:撤案|撤诉|闭嘴|不要报警|别报警)|(?:没法|无法|不能|查不出|证明不了).{0,4}(?:证明|查出)?.{0,10}是我(?:发|传|拍)",
        r"(?:摄像头|摄像机|针孔).{0,6}(?:装|放|藏)(?:在)?(?:哪|什么地方|什么位置)|(?:摄像头|摄像机|针孔).{0,12}(?:不容易被发现|不被发现)",
        # fr
        _REQ_FR + r"\b" + _G + r"{0,30}\b(?:filmer|photographier|enregistrer|prendre des photos)\b" + _G + r"{0,30}\b(?:en secret|en"
        r" cachette|discretement|sans qu'(?:elle|il|ils|elles) (?:le )?(?:sache|sachent|remarque|voie)|a son insu|a leur insu"
        r"|sous (?:les|sa) jupes?|dans (?:la|les) (?:douche|salle de bain|vestiaires?|toilettes|cabines?))",
        r"\b(?:cacher|installer|placer|mettre|dissimuler)\b (?:une|la|ma|des)? ?(?:mini[- ]?|micro[- ]?)?(?:camera|cameras)\b" + _G
        + r"{0,40}\b(?:chambre|salle de bain|douche|vestiaire|toilettes|chez (?:elle|ma|mon))",
        r"\b(?:camera espion|mini[- ]?camera|micro[- ]?camera)\b" + _G + r"{0,30}\b(?:filmer|vestiaire|douche|toilettes)",
        r"\b(?:photos?|photographier|filmer) sous (?:les|sa|leurs?) (?:jupes?|robes?)\b",
        r"\b(?:deshabiller|denuder)\b" + _G + r"{0,30}\b(?:une fille|une femme|quelqu'un|ma|sa|cette|la photo|une photo|elle|les"
        r" filles)\b", r"\b(?:quel|quelle|meilleure?|gratuite?|lien|ou|trouver|utiliser|telecharger|conseill\w*)\b" + _G + r"{0,30}\bnudif|\bnudif\w*" + _G + r"{0,12}\b(?:elle|la|une|ma|sa|cette|photos?)\b", r"\bappli\w*" + _G + r"{0,20}\b(?:deshabill|denud)",
        r"\b(?:faire|fais|fais-moi|creer|cree|generer|genere|fabriquer|produire)\b" + _G + r"{0,30}\b(?:deep ?fake|fausses? nudes?"
        r"|faux nus?|photos? nues?|un nu|des nus|une nude|video porno|montage porno)\b",
        r"\b(?:mett\w*|mets|coll\w*|incrust\w*|plac\w*)\b" + _G + r"{0,5}\b(?:le|son) visage\b" + _G + r"{0,40}\b(?:porno|explicite|nue?"
        r"|sexe|x|corps nus?)\b",
        r"\b(?:effacer|supprimer|detruire|faire disparaitre|cacher) (?:les|toutes les) (?:preuves|traces)\b" + _G + r"{0,40}\b(?:avant"
        r" que|pour que) (?:la police|les flics|les enqueteurs|les gendarmes)\b",
        r"\b(?:en cachette|en secret|a son insu|sans qu'(?:elle|il) le sache)\b" + _G + r"{0,40}\b(?:photos?|messages|conversations|"
        r"whatsapp|snap\w*|telephone)\b" + _G + r"{0,30}\b(?:de (?:ma|mon|sa|son)|qu'(?:elle|il))",
        r"\b(?:voir|regarder|lire|recuperer|consulter)\b" + _G + r"{0,10}\b(?:en cachette|en secret|a son insu)\b",
        r"\b(?:personne ne|sans que personne ne) (?:sache|decouvre|remarque|devine)\b" + _G + r"{0,10}\bque (?:c'est moi|j'ai|je)",
        r"\b(?:rendre|transformer|faire) (?:les |la |ces |cette )?(?:photos? )?(?:explicites?|nues?|sexy|pornos?|x)\b"
        r"|\bles rendre (?:explicites?|nues?|pornos?)\b",
        _OFFENCE_FR + r"[^\n]{0,80}" + _EVADE_FR, _EVADE_FR + r"[^\n]{0,80}" + _OFFENCE_FR,
        r"\b(?:(?:lui|la|le|les) (?:faire (?:assez )?peur|menacer|intimider|empecher|convaincre|dissuader)|(?:faire (?:assez )?peur"
        r"|menacer|intimider|convaincre|dissuader) (?:la|cette fille|la victime))\b" + _G + r"{0,30}\b(?:n'aille pas|aille pas|ne"
        r" porte pas|porte pas|ne parle pas|parle pas|de porter plainte|d'aller voir|de retirer sa plainte|retirer sa plainte)",
        r"\b(?:installer|mettre|cacher)\b" + _G + r"{0,20}\b(?:logiciel espion|mouchard|traceur|keylogger|stalkerware|appli espion"
        r"|application espion)\b" + _G + r"{0,40}\b(?:sans qu'(?:elle|il)|a son insu|a distance|de (?:ma|mon|sa|son)|d'une|d'un"
        r"|conjointe?|femme|mari|copine|copain|ex)\b",
        r"\b(?:logiciel espion|appli(?:cation)? espion|mouchard|traceur|stalkerware|keylogger)\b" + _G + r"{0,20}\b(?:installer|mettre"
        r"|cacher)\b" + _G + r"{0,40}\b(?:sans qu'(?:elle|il)|a son insu|a distance|de (?:ma|mon|sa|son)|d'une|d'un|conjointe?|femme|mari"
        r"|copine|copain|ex)\b",
        r"\bpendant qu'(?:elle|il) (?:dort|se douche|prend sa douche)\b" + _G + r"{0,40}\b(?:voir|regarder|filmer|photographier|lire)\b"
        r"|\b(?:deverrouiller|debloquer|ouvrir|fouiller)\b" + _G + r"{0,40}\bpendant qu'(?:elle|il) (?:dort|se douche)\b"
        r"|\bpour que (?:l'affaire|la plainte|le dossier) soit classee?\b",
        r"\b(?:mini[- ]?|micro[- ]?)?cameras?\b" + _G + r"{0,30}\b(?:cacher|installer|placer|dissimuler|mettre|laisser|poser)\b" + _G
        + r"{0,30}\b"
        r"(?:salle de bain|douche|chambre|vestiaire|toilettes|chez|location|gite|airbnb)|\bcameras?\b" + _G + r"{0,60}\b(?:pour que"
        r" personne ne|sans qu(?:e|')" + _G + r"{0,20}) ?(?:la|le|les) (?:remarqu\w*|voi\w*|trouv\w*|repere\w*)",
        r"\b(?:discretement|secretement|en douce)\b" + _G + r"{0,40}\b(?:photos?|messages|conversations|telephone|portable)\b"
        r"|\b(?:recuperer|voir|lire|copier)\b" + _G + r"{0,10}\b(?:discretement|secretement|en douce)\b",
        r"\b(?:convaincre|forcer|obliger|pousser|amener)\b" + _G + r"{0,20}\bretirer sa plainte\b|\bpour qu'(?:elle|il) (?:retire"
        r"|abandonne|laisse tomber) (?:sa|la) plainte\b",
        r"\b(?:la police|les flics)\b" + _G + r"{0,20}\bne (?:puisse|peut|pourra|puissent|peuvent) (?:pas|jamais) (?:prouver|remonter"
        r"|(?:les |le |la )?(?:recuperer|retrouver|restaurer))\b",
        # added after routes_batch3 (first sight); only the victim signal overrides these,
        r"\b(?:put|swap|paste|edit|photoshop|morph|stick)\w*\b" + _G + r"{0,40}\b(?:[a-z]+'s|her|his|their) faces?\b" + _G + r"{0,30}\b(?:onto|on|into|in) (?:an? |some )?(?:adult|porn\w*|sex|nude|naked|explicit|xxx)\b",
        r"\b(?:trouver|savoir|retrouver|identifier|reconnaitre|deviner)\b (?:c'est |c )?qui\b" + _G + r"{0,60}\b(?:grace (?:au|a la|aux)|a partir (?:du|de la|des)|avec (?:le|la|les)|d'apres (?:le|la|les)) (?:decor|fond|arriere-plan|tatouages?|grains? de beaute|chambre|piece|meubles?)\b",
        r"\b(?:quel|quelle|quels|comment|ou|site|appli|app|outil|logiciel|tuto)\b" + _G + r"{0,40}(?:faux nus?|fausses? (?:photos? )?(?:nues?|nudes?)|fake ?nudes?)\b",
        r"\b(?:flics|police|policiers|gendarmes|enqueteurs|keufs|condes)\b" + _G + r"{0,30}\b(?:remont\w*|retrouv\w*|trac\w*|identifi\w*) (?:pas )?jusqu'a moi\b",
        r"\bfilm\w* (?:ma|mon|la|une|sa|son|les?)\b" + _G + r"{0,30}\bsans qu'(?:elle|il|elles|ils) (?:le )?(?:sache|sachent|voie|remarque)\b",
        r"\b(?:je cherche(?! a (?:signaler|faire|supprimer|retirer))|cherche des|je veux|je voudrais|envoie|envoyez|file|filez|donne|donnez|partage|partagez)\b" + _G + r"{0,20}\b(?:photos?|videos?|images?|contenus?|nudes?|trucs?) (?:de |d')(?:mineure?s|ados|adolescente?s|gamines|petites? filles|collegiennes|lyceennes)\b",
        r"未成年(?:人)?(?:的)?(?:那种|这种)?(?:资源|片子|片源|视频资源|链接|种子)|(?:萝莉|幼女)(?:资源|视频|片)",
        r"(?:报警|报案|警察|立案|起诉|告我).{0,30}(?:怎么|如何)?删.{0,10}(?:恢复不了|无法恢复|不能恢复|查不到|找不到|干净)",
        # added after routes_batch4 (first sight): escaping an investigation, silencing the victim, drafting a threat,
        r"\b(?:police|cops|detectives?|investigators?)\b[^\n]{0,150}\bhow (?:do|can|should) i (?:wipe|erase|destroy|delete everything|factory reset|clean)\b",
        r"(?:派出所|公安|调查|传唤).{0,30}(?:怎么|如何)?删.{0,10}(?:恢复不了|无法恢复|不能恢复|查不到|找不到|干净)",
        r"\b(?:convocation|convoque\w*|gendarmerie|gendarmes|police|flics|plainte|enquete\w*)\b[^\n]{0,150}\b(?:effacer|supprimer|detruire|nettoyer|vider)\b[^\n]{0,60}\bpour (?:qu'ils|qu'on|que (?:la police|les gendarmes|les flics)) ne (?:retrouve\w*|trouve\w*|puisse\w* (?:rien )?(?:retrouver|trouver|recuperer)) (?:rien|aucune|pas|plus)\b",
        r"让(?:她|他|对方)不敢(?:报|报警|告|起诉|说)|吓(?:住|唬|到)(?:她|他|对方)|(?:逼|让|叫)(?:她|他|对方)撤(?:诉|案|回)",
        r"\bpour qu'(?:elle|il) (?:la |le )?(?:retire|abandonne|laisse tomber)\b|\ben lui faisant (?:un peu )?peur\b|\bl'intimider\b|\bla faire taire\b",
        r"\b(?:make|get|scare|convince|pressure) (?:her|him|them) (?:to |into )?(?:drop|withdraw|retract)\w* (?:the |her |his |their )?(?:charges?|complaint|case|report)\b|\bso (?:she|he|they) (?:won'?t|doesn'?t|don'?t|will not) (?:go to|call|tell) the police\b",
        r"\b(?:word|write|draft|compose|phrase|type up)\b[^\n]{0,80}\bor (?:the |his |her |their |these |those )?(?:screen ?recording|recording|video|vid|pics?|photos?|nudes?|images?|screenshots?)\b[^\n]{0,20}\b(?:go(?:es)?|get(?:s)? sent|will be (?:sent|posted|shared)|gets? (?:posted|shared|leaked))\b",
        r"\bsoit (?:il|elle|tu)\b[^\n]{0,60}\bsoit (?:j'envoie|je (?:balance|publie|poste|diffuse|montre|partage|envoie))\b",
        r"\bface[- ]?swap\w* (?:my|her|his|their|this|that|a|the)\b" + _G + r"{0,30}\b(?:onto|on|into) (?:an? |some )?(?:adult|porn\w*|sex|nude|naked|explicit|xxx)\b",
        r"未成年(?:女生|女孩|男生|少女|人)?的?(?:私密|裸|不雅)(?:视频|照片|照)",
        r"\bfaire chanter (?:une|la|cette|ma|mon|un) \w+",
        r"\b(?:anyone|anybody|who) (?:know|knows|got|has)\b[^\n]{0,30}\bwhere\b[^\n]{0,40}\b(?:leaked|nude|naked)\b",
    ],
    "victim": [
        r"\bmy (?:own )?(?:(?!(?:ex|girlfriend|boyfriend|wife|husband|partner|classmate|coworker|colleague|friend|sister|roommate"
        r"|flatmate|crush|neighbou?r|neighbor|date|student|teacher|boss|tenant)\b)[\w-]+ ){0,2}(?:photos?|pics?|pictures?|images?"
        r"|videos?|nudes?|selfies?|body|face|sexts?|tapes?|footage|recordings?|snaps?|content|onlyfans|leaks?)\b",
        r"\bof me\b", r"\bmine\b", r"\b(?:me|myself) (?:naked|nude|undressed|in the shower|changing)\b",
        r"\bmy (?:full |real |home |work )?(?:name|address|school|workplace|phone number|number)\b",
        r"\b(?:think|suspect|believe|worried|afraid|sure)\b" + _G + r"{0,30}\b(?:put|installed|hid|planted|placed|hidden)\b" + _G
        + r"{0,20}\b(?:cameras?|cams?|spyware|stalkerware|a tracker|trackers)\b",
        r"\b(?:installed|put|hid|hidden|planted|spyware|stalkerware|tracker|access(?:ed)?|logged|hacked|broke into|got into|still has)"
        r" (?:\w+ ){0,3}(?:on|in|into|to) my (?:phone|laptop|computer|icloud|cloud|accounts?|devices?|email|car)\b",
        r"\b(?:filmed|recorded|photographed|taped|exposed|doxx?ed|blackmail(?:ed|ing)|sextort(?:ed|ing)|threaten(?:ed|ing)|"
        r"harass(?:ed|ing)|stalk(?:ed|ing)|hack(?:ed|ing)|impersonat(?:ed|ing)|outed|extort(?:ed|ing)|undressed|nudified) me\b",
        r"\bi (?:was|am|'m|got|have been|'ve been) (?:being )?(?:filmed|recorded|blackmailed|sextorted|threatened|hacked|extorted|"
        r"harassed|stalked|exposed|doxx?ed|targeted|photographed|deepfaked)\b",
        r"\b(?:wants|asks|asked|pressur\w*|keeps asking|is asking|begging|forcing|forced) me (?:to send|for)\b",
        r"\bi (?:sent|shared|took|made) (?:my own |some |a few |my |a |the )?(?:nudes?|pics?|photos?|pictures?|videos?|selfies?)\b",
        r"\bmy (?:abuser|blackmailer|stalker|harasser|attacker|extortionist|rapist)\b", r"\b(?:filmed|recorded|photographed|taped) us\b",
        r"\b(?:found|discovered|noticed|spotted) (?:a |an |the |some )?(?:hidden |spy |tiny |small )?(?:camera|cam|recording device)",
        r"\b(?:says|said|threatens|threatened|is threatening|keeps threatening) (?:he|she|they)?(?:'ll| will| would| is going to)? ?"
        r"(?:to )?(?:show|send|post|share|leak|publish|release|expose)\b",
        r"\b(?:nudes?|photos?|pics?|pictures?|videos?) (?:that )?i (?:sent|shared|took)\b",
        r"\b(?:check|detect|spot|find|look for|sweep)\b" + _G + r"{0,20}\b(?:hidden|spy|pinhole) ?cam", r"\bincluding me\b",
        r"(?<![给发求])我(?:自己)?的?(?:私密|隐私|裸|不雅|假)?(?:照片|视频|图片|裸照|录像|影像|自拍|私照|身体|脸|头像)|我被(?:偷拍|拍|录|威胁|勒索|敲诈|曝光|人肉|开盒|黑|盗号|换脸|p)"
        r"|说要(?:发|公开|曝光|传|给)|在我的?(?:手机|电脑)(?:上|里).{0,6}装|(?:让|要|逼|求)我(?:发|拍)(?:裸照|照片|视频|私照)|(?:装|黑进|登录|盗|访问).{0,6}我的?(?:手机|电脑|账号|帐号|云盘|icloud|邮箱)|威胁(?:说|要)|发给我(?:老公|家人|父母|爸妈|朋友|同事|男朋友|老婆)|偷拍(?:了)?我|拍了我|录了我|威胁我|勒索我|敲诈我|人肉(?:出)?了?我|把我的|也有我|有我的|关于我的|用我的(?:照片|脸|视频)|我本人",
        r"(?:检查|发现|检测|识别|排查|找出|防止|防范|预防|怀疑).{0,10}(?:摄像头|针孔|偷拍|监控|镜头)",
        r"\b(?:mes|ma|mon) (?:propres? )?(?:photos?|videos?|images?|nudes?|selfies?|sextapes?|corps|visage|contenus?)\b",
        r"\bde moi\b|\bdont (?:les miens|les miennes|moi)\b|\by compris les miennes?\b",
        r"\b(?:installe|mis|cache|logiciel espion|mouchard|traceur|acces|pirate|entre) (?:\w+ ){0,3}(?:sur|a|dans) (?:mon|mes)"
        r" (?:telephone|portable|ordinateur|icloud|compte|comptes|appareils|voiture|mail)\b",
        r"\b(?:m'a|m'ont|me) (?:filme\w*|photographi\w*|enregistre\w*|menac\w*|fait chanter|font chanter|harcel\w*|pirate\w*|"
        r"deshabill\w*|denud\w*|fiche\w*|expose\w*)",
        r"\bje (?:suis|me suis fait|me fais|ai ete) (?:filme|victime|menace|harcele|pirate|fait chanter)\w*",
        r"\b(?:veut|demande|insiste pour|me pousse a) (?:que je (?:lui )?(?:envoie|envoies)|(?:lui )?envoyer)\b",
        r"\b(?:mon|ma) (?:agresseur|harceleur|harceleuse|maitre chanteur)\b",
        r"\b(?:verifier|detecter|reperer|trouver)\b" + _G + r"{0,20}\bcameras? cachee",
        r"\b(?:trouve|decouvert|remarque|repere)\w* (?:une|des|la) (?:camera|micro|mini-camera)",
        r"\b(?:je pense|je crois|je soupconne|j'ai peur)\b" + _G + r"{0,30}\b(?:mis|installe|cache|place)\w*\b" + _G
        + r"{0,20}\b(?:cameras?|logiciel espion|traceur|mouchard)",
        r"\b(?:dit|menace|a menace) (?:qu'il|qu'elle|de)\b" + _G + r"{0,15}\b(?:montrer|envoyer|publier|diffuser|poster|balancer)",
        r"怀疑.{0,20}(?:装|放|藏|安)了",
        r"\b(?:into|back into|access to|recover|regain|log into|get back) my (?:own )?(?:\w+ )?(?:account|accounts|phone|icloud|email|snapchat|instagram|facebook)\b",
    ],
    # Questions about the law are answered (the answer is the law, which deters as much as it protects), unless
    # they are a request to do the harm "legally" (see routing.decide).
    "law": [
        r"\bwhat (?:does|do|is) (?:the )?laws?\b|\b(?:is|are) (?:it|this|that|they|these|deepfakes?|\w+ apps?)"
        r" (?:even )?(?:legal|illegal|a crime|criminal|against the law)\b|\blegal(?:ity)?\b|\bthe law (?:on|about|in)\b",
        r"\bque dit la loi\b|\bla loi\b|\bl[ée]gal(?:e|es|ité)?\b|\bill[ée]gal(?:e|es)?\b|\best-ce (?:un d[ée]lit|puni)",
        r"法律|违法|犯法|合法|判刑|处罚",
    ],
    "request": [
        r"\bhow (?:can|do|could|should|would|might) (?:i|we)\b|\bhow to\b|\bhelp me\b|\bcomment (?:puis-je|je peux|"
        r"faire pour|on peut)\b|\baide-moi\b|怎么|如何|教我",
    ],
    "help": [
        r"(?<!got )(?<!been )(?<!was )\breport(?:s|ing|ed)?\b(?! me\b)|\btakedown\b|\bremoval\b|\b(?:take|get|have|getting|taking)\b"
        r" (?:\w+ ){0,4}(?:down|removed|deleted|taken down)\b|\b(?:remove|delete|erase|take down) (?:it|them|this|that|these|those|the"
        r"|my|all|every|his|her)\b", r"\bhash\w*|\bhachage\b|哈希",
        r"\bwho (?:do|can|should|could) i (?:turn to|contact|call|talk to|go to|ask|tell)\b|\bwhere (?:do|can|should) i (?:go|turn)"
        r" for\b|\bsupport (?:groups?|services?|lines?|networks?)\b|\bwhat helps\b|\b(?:can|will|could|would) (?:he|she|they|the (?:guy|man|person))\b" + _G + r"{0,15}\b(?:get away"
        r" with|be (?:punished|charged|arrested|prosecuted|held accountable|sued)|go to (?:jail|prison)|face)\b|\b(?:he|she|they)"
        r" (?:can'?t|cannot|won'?t|shouldn'?t|will|can) (?:just |really )?get away with\b"
        r"|\bwhen i was (?:1[0-7]|a minor|underage|a kid|a child|a teen\w*|in (?:high|middle) school)\b|\bi'?m (?:1[0-7]|a minor"
        r"|underage)\b|\bhow (?:can|do|should) i (?:help|support|comfort|be there for)\b|\bwhat do i say to (?:her|him)\b|\bhow do i tell (?:her|him)\b|\bmy best friend\b(?!'s)",
        r"\bstopncii\b|\btake it down\b|\bpolice\b|\blawyer\b|\battorney\b|\blegal (?:advice|aid|help)\b|\bpress charges\b"
        r"|\brestraining order\b|\bprotection order\b",
        r"\bprotect (?:myself|her|him|them|my)\b|\bsupport (?:her|him|them|my|a friend|someone)\b|\bhelp (?:her|him|them|my friend\b"
        r"|my sister|my daughter|my son|my child|my kid|my student|a friend|someone who)",
        r"\bmy (?:daughter|son|child|kid|teen|teenager|student|children|kids)\b|\bmy friend\b(?!'s)|\bmy sister\b(?!'s|-in-law)",
        r"\b(?:prove|proof|evidence)\b|\bis (?:it|this|that) (?:real|fake|a deepfake)\b|\b(?:victims?|survivors?)\b|\bis (?:it|this|that) (?:illegal|a crime|legal|against the law)\b|\bwhat (?:can|should) (?:i|we)"
        r" do\b|\bwhat do (?:i|we) do\b|\bi regret\b|\bundo\b|\bmake (?:it|this|things) right\b|\bapologi[sz]e\b",
        r"(?<!被)(?<!被人)举报|投诉|删除|删掉|下架|撤下|移除|报警|律师|找哪个(?:机构|部门|单位)|找谁|向谁求助|该找谁|去哪里求助|哪个机构"
        r"|咋办|咋整|互助|支持小组|援助|告诉她|提醒她|告诉他|(?:他|她|对方)(?:会|能)(?:被)?(?:判|抓|坐牢|受到惩罚|逃脱)|我(?:才)?1[0-7]岁|未成年|怎么开口|怎么安慰|怎么帮|怎么陪|做什么最有用|清除|清理|我(?:的)?(?:闺蜜|朋友|好朋友|姐姐|妹妹)|起诉|法院|保护令|维权|求助|帮助?她|帮助?他|支持她|安慰|我(?:的)?(?:女儿|儿子|孩子)"
        r"|受害|违法吗|犯罪吗|犯法吗|怎么办|该怎么做|后悔|弥补|道歉",
        r"\ba qui (?:je m'adresse|m'adresser|s'adresser|parler|dois-je|puis-je)\b|\bvers qui (?:me tourner|aller)\b|\bje lui dis quoi\b"
        r"|\b(?:va-t-il|peut-il|est-ce qu'il (?:va|peut)|risque-t-il)\b" + _G + r"{0,20}\b(?:etre puni|etre condamne|aller en prison"
        r"|s'en tirer|prison)\b|\bj'ai 1[0-7] ans\b|\bquand j'avais 1[0-7] ans\b|\bmineure?\b|\bgroupes? de parole\b|\bassociations?\b|\bsoutien\b|\b(?:quoi|que) lui dire\b|\bcomment lui (?:dire|parler|annoncer)\b|\bqu'est-ce qui aide\b|\bcomment (?:l'aider|la soutenir"
        r"|le soutenir|la reconforter|etre la pour)\b|(?<!de )(?<!d')\b(?:ma meilleure amie|mon meilleur ami|mon"
        r" amie|ma soeur)\b|\b(?:l'|les )enlever\b|\benlever (?:ce|cette|ces|la|le|les) (?:logiciel|appli\w*|photos?|videos?|images?"
        r"|publications?|contenus?|posts?)\b|\bdesinstaller\b|\bsignal\w*|\bretir(?:er|e|ee|ait)\b|\bsupprim\w*|\bdereferenc\w*|\bplainte\b|\bpolice\b|\bgendarmerie\b|\bavocat\b"
        r"|\bjustice\b|\btribunal\b|(?<!roman )(?<!film )(?<!serie )\bpoliciers?\b|\bgendarmes?\b|\bcommissariat\b|\beffac\w*|\bpharos\b|\be-?enfance\b|\b3018\b|\bproteger\b|\bsoutenir\b|\baider (?:mon amie|ma|mon|une amie"
        r"|quelqu'un|la victime|elle|le)\b|\bvictimes?\b|\best-ce (?:legal|illegal|un delit|un crime|puni)|\bque faire\b"
        r"|\bquoi faire\b|\bje (?:le )?regrette\b|\breparer\b|\b(?:mon fils|mon enfant|ma fille|mes enfants)\b",
        r"\bje fais quoi\b|\bon fait quoi\b|\bje dois faire quoi\b|\bque dois-je faire\b|\bpreuves?\b",
    ],
    "harm": [
        r"\b(?:got|were|was|have been|has been|had been|are being|is being)\b (?:\w+ )?(?:leaked|posted|shared|spread|stolen|hacked|exposed"
        r"|filmed|recorded|uploaded|sold|circulated|passed around)\b",
        r"被(?:人)?(?:泄露|偷拍|发|传|曝光|盗|黑|拍|录|转发|上传|卖)|(?:他|她|对方)(?:把.{0,6})?(?:删|销毁|清除)(?:了|掉了)",
        r"\b(?:he|she|they) (?:deleted|destroyed|wiped|erased)\b|\b(?:il|elle) a (?:efface|supprime|detruit)\b",
        r"\b(?:ont|a|avait|avaient) (?:ete )?(?:fuite|publiee?s?|partagee?s?|volee?s?|piratee?s?|diffusee?s?|filmee?s?|exposee?s?"
        r"|circule|tourne)\b",
    ],
    "jailbreak": [
        r"\b(?:ignore|disregard|forget|override|bypass)\b" + _G + r"{0,30}\b(?:previous|prior|above|earlier|all|your|the|everything)\b"
        + _G + r"{0,25}\b(?:instructions?|rules?|guidelines?|prompts?|restrictions?|filters?|programming|directives?|told)\b",
        r"\b(?:system|initial|hidden|original|developer) (?:prompt|instructions?|message)\b", r"\bprompt (?:injection|leak)\b",
        r"\byour (?:instructions|prompt|rules|configuration|config|guidelines|source code|system message)\b",
        r"\b(?:instructions|rules|prompt|orders)\b" + _G + r"{0,25}\b(?:your|the) (?:developers?|creators?|makers?|programmers?)\b",
        r"\b(?:do anything now|developer mode|dev mode|jailbreak\w*|god mode|unfiltered mode)\b", r"\byou are (?:now )?dan\b",
        r"\b(?:without|no) (?:any )?(?:restrictions|filters|safety (?:rules|guidelines))\b", r"\bunrestricted (?:ai|assistant|mode)\b",
        r"\b(?:pretend|act|role-?play|imagine)\b" + _G + r"{0,40}\b(?:without|no) (?:rules|limits|restrictions|guidelines|filters)\b",
        r"\b(?:print|dump|export|output|reveal|show|list|give|repeat|display|copy|paste)\b" + _G + r"{0,25}\b(?:entire|whole|full|all"
        r"|every|complete|raw)\b" + _G + r"{0,25}\b(?:knowledge ?base|database|documents?|docs|files|sources|index|passages|"
        r"embeddings|corpus|dataset|training data)\b",
        r"\b(?:knowledge ?base|vector (?:store|database)|embeddings|chroma)\b" + _G + r"{0,20}\b(?:dump|export|contents?|all of it)\b",
        r"\brepeat (?:the |all |everything )?(?:text |words )?(?:above|before this)\b", r"\byou are now\b",
        r"\byou(?:'re| are) no longer\b|\b(?:rules|guidelines|restrictions|policies)\b" + _G + r"{0,10}\b(?:don'?t|do not|no longer|doesn'?t)"
        r" apply\b", r"\b(?:all|every) (?:the |of the )?(?:passages|chunks|documents|entries|records)\b" + _G + r"{0,20}\b(?:your|the)"
        r" (?:database|knowledge|index|store)\b",
        r"忽略(?:之前|以上|前面|所有|你的|上面).{0,10}(?:指令|指示|规则|设定|提示|限制)|系统提示|提示词|(?:你的|原始|初始|隐藏的?)(?:指令|设定|配置|规则|提示)"
        r"|开发者模式|开发者.{0,10}(?:指令|提示|设定)|越狱|你不再是|(?:规则|准则|限制).{0,6}(?:不适用|不存在|失效)|(?:所有|全部)的?(?:段落|文档|条目)|没有(?:任何)?(?:限制|过滤|安全规则)|不受(?:任何)?限制|你现在是|忘掉.{0,10}(?:一切|所有|设定|规则)",
        r"(?:打印|输出|导出|列出|显示|给我|发我).{0,10}(?:所有|全部|整个|完整).{0,10}(?:知识库|数据库|文档|资料|文件|源码|配置)"
        r"|知识库.{0,6}(?:全部|所有|内容|导出)",
        r"\bignore[sz]? (?:toutes )?(?:tes|vos|les) (?:instructions|consignes|regles)|\boublie (?:tout|tes|vos)\b"
        r"|\bprompt (?:systeme|initial)\b|\b(?:tes|vos|ta|votre) (?:instructions|consignes|regles|parametres|configuration|config"
        r"|developpeurs)\b"
        r"|\bconsignes cachees\b|\bmode (?:developpeur|dev|sans filtre)\b|\bjailbreak|\bsans (?:aucune? )?(?:limites?|restrictions?|filtres?|regles)\b"
        r"|\btu es maintenant\b|\btu n'es plus\b|\bregles\b" + _G + r"{0,25}\bne s'appliqu\w* (?:pas|plus)\b"
        r"|\b(?:tous|toutes) les (?:passages|documents|extraits)\b" + _G + r"{0,20}\b(?:ta|votre) base\b|\bjeu de role\b" + _G + r"{0,30}\bsans (?:regles|limites)",
        r"\b(?:affiche|imprime|exporte|donne|liste|montre|copie|revele)\b" + _G + r"{0,25}\b(?:tout|toute|tous|toutes|entier|entiere"
        r"|complet|complete|integral\w*)\b" + _G + r"{0,25}\b(?:base de connaissances|base de donnees|documents|fichiers|sources"
        r"|corpus)\b|\bbase de connaissances\b" + _G + r"{0,20}\b(?:entier|entiere|complet|contenu|tout)\b",
    ],
    "domain": [
        r"\b(?:photo|pic|picture|image|video|vid|clip|nude|naked|intimate|explicit|sext|selfie|leak|porn|deepfake|fake|webcam|cam"
        r"|camera|upload|onlyfans)\w*|\bfilm(?:ed|ing|s me)\b|\brecord(?:ed|ing)\b|\bpost(?:ed|ing)?\b|\bshar(?:e|ed|ing)\b",
        r"\b(?:ex|boyfriend|girlfriend|husband|wife|partner|blackmail\w*|extort\w*|sextort\w*|threat\w*|harass\w*|stalk\w*"
        r"|hack\w*|spy\w*|abus\w*|assault\w*|consent\w*|police|report\w*|lawyer|court|law|legal|illegal|crime|criminal|victim\w*"
        r"|survivor\w*|evidence|screenshot\w*|takedown|remov\w*|delet\w*|privacy|private|stopncii|helpline|hotline|counsel\w*"
        r"|therap\w*|telegram|discord|instagram|snapchat|tiktok|facebook|whatsapp|twitter|reddit"
        r"|daughter|son|child|kid|teen\w*|minor|classmate|ashamed|shame|humiliat\w*|scared|afraid|danger\w*|suicid\w*"
        r"|die|dead|hurt|kill|alone|cry|crying|cried|rights|anxious|anxiety|panic\w*|depress\w*|disgust\w*|dirty|hopeless|trauma\w*"
        r"|nightmares?|overwhelmed|can'?t (?:eat|sleep)|replaying|flashbacks?|cyber\w*|helplines?|hotlines?|(?:phone )?number (?:i can|to) (?:call|text)|voyeur\w*|upskirt\w*|creep\w*|candid|locat\w*|track\w*|password|accounts?|sexual\w*|take it down)\b",
        r"照片|相片|图片|视频|录像|裸|私密|隐私|不雅|色情|泄露|流出|偷拍|摄像头|换脸|脱衣|传播|发到|上传|散布|转发|前任|前男友|前女友|男朋友"
        r"|女朋友|老公|老婆|伴侣|勒索|敲诈|威胁|骚扰|跟踪|黑进|盗号|报警|警察|举报|投诉|律师|起诉|法律|违法|犯罪|同意|受害|证据|截图|删除"
        r"|下架|热线|求助|电报|微信|微博|抖音|qq|群|平台|网站|网上|女儿|儿子|孩子|同学|丢人|羞耻|害怕|死|伤害|危险|孤独|哭|权利"
        r"|焦虑|恐惧|难受|崩溃|热线|电话|心慌|评论|机构|吃不下|回放|绝望|抑郁|失眠|睡不着|恶心|脏|性暴力|性侵|暴力|裙底|定位|密码|账号",
        r"\b(?:photo|image|video|nude|nue|intime|prive|sexe|porno|fuite|diffus|publi|partag|camera|filme|deepfake|montage|chantage"
        r"|sextorsion|menac|harcel|pirat|espion|plainte|signal|avocat|consentement|victime|preuve|capture|supprim|retir|pharos"
        r"|telegram|snapchat|instagram|tiktok|facebook|whatsapp|discord|enfant|honte|peur|danger|mourir|suicid|pleur|angoiss|anxi"
        r"|panique|deprim|degout|cauchemar|trauma|voyeur|jupe|localis|violence|cyber|numero|manger|dormir|en boucle)\w*|\b(?:sale|mot de passe|compte)\b"
        r"|\b(?:ex|copain|copine|mari|conjoint|police|gendarmerie|loi|illegal|delit|crime|fille|fils|seule?s?|droits?)\b",
    ],
}


def normalize(text: str) -> str:
    """Lower case, NFKC (full-width punctuation becomes ASCII), accents removed, one kind of apostrophe and space."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


@load_once
def _compiled() -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(f"(?:{p})" for p in patterns)) for name, patterns in PATTERNS.items()}


def scan(text: str) -> frozenset[str]:
    """The names of the signals whose patterns match the message."""
    normalized = normalize(text)
    return frozenset(name for name, pattern in _compiled().items() if pattern.search(normalized))
