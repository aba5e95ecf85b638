"""High-precision patterns for the safety router, in English, Chinese and French.

Every pattern runs on every message whatever its detected language (short or mixed messages are often detected
wrongly), after `normalize`: NFKC, lower case, accents removed, straight apostrophes. So French patterns are written
without accents ("desabiller", not "déshabiller").

Signals:
- crisis: suicide, self-harm or immediate danger.
- abuse: a request to find, obtain, identify, share, sell or hack (a help-seeking marker cancels it).
- abuse_strong: a request to film covertly, make sexual fakes or escape consequences (only a victim marker cancels it).
- victim: the writer is the person in the images or the one being threatened ("my photos", "of me", "我的照片").
- help: help-seeking words (report, remove, police, support her, my child, is it illegal).
- jailbreak: attempts to lift the rules or extract the prompt, configuration or knowledge base.
- domain: any word of the domain (images, partners, platforms, abuse, law); without one, a message may be out of scope.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words shared by several patterns -------------------------------------------------------------------------------
_G = r"[^.?!\n。？！]"  # a character within the same sentence
_MEDIA_EN = r"(?:nudes?|naked|pics?|photos?|pictures?|images?|videos?|vids?|clips?|sex ?tapes?|tapes?|selfies?|snaps?|content)"
_OTHER_EN = (r"(?:her|his|their|someone'?s|someone else'?s|another (?:girl|woman|person)'?s|this (?:girl|woman|guy|person)'?s"
             r"|(?:my |an? )?ex(?:-?(?:girlfriend|boyfriend|wife|husband|partner))?'?s"
             r"|my (?:girlfriend|boyfriend|wife|husband|partner|crush|classmate|coworker|colleague|neighbou?r|roommate"
             r"|flatmate|housemate|teacher|student|boss|stepsister|friend|date|tenant|sister'?s friend)'?s?)")
_MATERIAL_EN = (r"(?:leak(?:ed|s)?|hidden[- ]?cam(?:era)? (?:videos?|footage|clips|pics|photos|content)|spy[- ]?cam(?:era)? "
                r"(?:videos?|footage|pics)|upskirts?|creep ?shots?|voyeur\w*|revenge porn|non[- ]?consensual (?:videos?|porn|"
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
             r"|coloc\w*|prof\w*|patronne|soeur|amie|crush|partenaire)|de mon ex|de cette (?:fille|femme)|d'une fille|de quelqu'un)")
_MATERIAL_FR = (r"(?:fuit(?:e|es|ees?)?|volee?s|divulguee?s|leak\w*|nudes|photos? (?:nues?|intimes|privees|denudees)"
                r"|(?:videos?|images?) (?:intimes|privees|volees|de camera cachee)|cameras? cachees?|sous (?:les|sa) jupes?|upskirt"
                r"|voyeur\w*|revenge porn|porno de vengeance|sextapes?|mask ?park)")
_REQ_FR = (r"(?:ou|comment|quel|quelle|quels|quelles|y a-t-il|connais|tu peux|vous pouvez|pourriez|aide-moi|apprends-moi"
           r"|montre-moi|dis-moi|je veux|je voudrais|j'aimerais|astuces?|conseils?|meilleure? (?:facon|maniere|site|appli)|moyen)")

PATTERNS: dict[str, list[str]] = {
    "crisis": [
        # en: suicide and self-harm
        r"\bsuicid", r"\b(?:kill|killing|hang|hanging|hurt|hurting|harm|harming|cut|cutting|burn|burning|drown|poison|starve)"
        r" (?:myself|my ?self)\b",
        r"\b(?:end|ending|take|taking) (?:my|my own) life\b", r"\bend(?:ing)? it all\b",
        r"\b(?:want|wanna|going|ready|plan(?:ning)?|wish|deserve) (?:to )?(?:die|be dead)\b", r"\bi wish i (?:was|were) dead\b",
        r"\bbetter off (?:dead|without me)\b|\brather (?:be dead|die|not be alive|not exist)\b|\bend(?:ing)? things\b",
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
        r"|没有我.{0,6}(?:更好|轻松)|我不在了|(?:不用|不需要|没人需要)再为我(?:操心|担心)|不会再拖累|用不着了|不需要了.{0,6}(?:东西|以后)|站在(?:楼顶|天台|桥上|窗台)",
        r"(?:现在|正在|就在|此刻|刚刚|马上).{0,10}(?:门口|门外|楼下|闯进|打我|掐我)|(?:门口|门外|楼下).{0,6}(?:现在|正在|就在)",
        r"(?:他|她|前任|前男友|前夫|那个人).{0,6}(?:在我家|在我房间|在门口|在楼下|闯进).{0,10}(?:威胁|打|砸|闹|不肯走|不走|骂)|正在打我|在打我|掐我脖子|要杀(?:了)?我|杀了我|拿着刀|拿刀|闯进(?:我家|来|了我家)|砸(?:我家的?)?门|踹门|撬门|我(?:现在)?很危险"
        r"|我有危险",
        # fr (no accents)
        r"\bsuicid|\bme tuer\b|\bmettre fin a (?:mes jours|ma vie|tout)\b|\ben finir\b|\b(?:veux|veut|voudrais|envie de|vais|va) (?:juste |vraiment |simplement |tellement )?mourir\b",
        r"\b(?:lame|couteau|rasoir|cachets) dans (?:la|ma) main\b|\b(?:douleur|tout) (?:cesse|s'arrete)\w* (?:definitivement|pour toujours)\b",
        r"\b(?:arrive|vient|venir) (?:chez moi )?pour me (?:frapper|tuer|battre|faire du mal)\b",
        r"\b(?:plus|pas) envie de vivre\b|\bveux plus vivre\b|\bplus (?:la )?(?:force|raison) de vivre\b|\ba quoi bon vivre\b",
        r"\bmieux sans moi\b|\bsi je n'?etais plus la\b|\bme (?:faire|fais|suis fait) du mal\b|\bscarifi|\bme couper\b|\bouvrir les veines\b|\bautomutil",
        r"\boverdose\b|\bsurdose\b|\b(?:aval\w*|pris) (?:beaucoup|plein|tous mes|toute la boite|une boite)",
        r"\bsauter (?:du|d'un|de la|par la|d'une) (?:pont|toit|fenetre|balcon|immeuble)\b|\blettres? d'adieu\b",
        r"\bne (?:jamais|plus) me reveiller\b|\bdisparai\w* (?:pour toujours|a jamais|pour de bon)\b|\bplus envie d'exister\b",
        r"\bque tout s'arrete\b|\bdonne (?:toutes )?mes affaires\b|\bsur (?:le|un) (?:pont|toit|rebord)\b",
        r"\b(?:est|sont|attend|tambourine|frappe|defonce|essaie d'entrer)" + _G + r"{0,20}\b(?:devant|a) (?:ma|la) porte\b",
        r"\bdevant chez moi\b" + _G + r"{0,20}\b(?:en ce moment|maintenant)\b",
        r"\b(?:en ce moment|maintenant)\b" + _G + r"{0,20}\bdevant chez moi\b",
        r"\ben train de me (?:frapper|battre|etrangler|tuer)\b|\bme (?:frappe|bat|serre le cou|etrangle) (?:en ce moment|maintenant)",
        r"\bme serre le cou\b|\b(?:va|veut|menace de|vont) me tuer\b|\b(?:un|avec un|a un) (?:couteau|arme|pistolet|fusil)\b",
        r"\b(?:il|elle) est chez moi\b" + _G + r"{0,30}\b(?:menace|frappe|crie|ivre|a bu|bourre|casse)",
        r"\bpersonne n'aura (?:plus )?a (?:s'occuper|se soucier|s'inquieter|supporter) de moi\b|\bne (?:serai|serais) plus un (?:poids|fardeau)\b",
        r"\bde force\b" + _G + r"{0,20}\bchez moi\b|\bchez moi de force\b|\bje suis en danger\b",
    ],
    "abuse": [
        # en: find, obtain, watch
        r"\b(?:where|how|which|what)\b" + _G + r"{0,30}\b(?:find|watch|see|view|download|get|access|stream|join|buy|purchase|locate"
        r"|obtain|get hold of|look at|search for)\b" + _G + r"{0,60}" + _MATERIAL_EN,
        r"\b(?:(?:send|give|show|tell|name|drop|dm) (?:me|us)|share|recommend\w*|list\w*|link\w*|suggest\w*)\b" + _G + r"{0,60}"
        + _MATERIAL_EN,
        r"\b(?:looking for|searching for|in search of|want to (?:see|watch|find|download|get|buy)|wanna (?:see|watch|find|download|"
        r"get)|i need)\b" + _G + r"{0,40}" + _MATERIAL_EN,
        r"\b(?:any|best|good|top|free|new|working|active|which|what|main|biggest|popular)\b" + _G + r"{0,30}\b(?:sites?|websites?|groups?|channels?|servers?|links?"
        r"|forums?|subreddits?|chats?)\b" + _G + r"{0,30}" + _MATERIAL_EN,
        _MATERIAL_EN + _G + r"{0,20}\b(?:sites?|websites?|groups?|channels?|servers?|links?|forums?|subreddits?)\b" + _G
        + r"{0,30}\b(?:where|link|recommend|any|best|join)\b",
        _REQ_EN + _G + r"{0,30}\b(?:find|get|see|watch|download|access|obtain|look at|buy)\b" + _G + r"{0,15}" + _OTHER_EN + " "
        + _G + r"{0,15}" + _MEDIA_EN,
        # en: identify
        r"\b(?:who is|who'?s|identify|find out who|name of|figure out who)\b" + _G + r"{0,10}\b(?:the|this|that) (?:girl|woman|guy|"
        r"man|person|lady|model|chick)\b" + _G + r"{0,10}\b(?:in|from|on)\b",
        r"\b(?:find|track down|get|locate|figure out|look up|dig up)\b" + _G + r"{0,30}\b(?:her|his|their|the girl'?s|the woman'?s)"
        r" (?:real )?(?:name|address|instagram|facebook|socials|social media|phone number|number|identity|school|workplace)\b",
        r"\b(?:name|address|identity|instagram|socials)\b" + _G + r"{0,20}\bof (?:the|this|that) (?:girl|woman|guy|man|person|lady)\b"
        + _G + r"{0,10}\b(?:in|from|on)\b",
        r"\b(?:dox|doxx)(?:ing)? (?:her|him|them|this|the)\b", r"\breverse image search\b" + _G + r"{0,40}\b(?:her|girl|woman|who)\b",
        r"\btrack down\b" + _G + r"{0,20}\b(?:the )?(?:girl|woman)\b",
        # en: distribute, sell, threaten
        _REQ_EN + _G + r"{0,30}\b(?:post|share|upload|send|leak|spread|sell|distribute|publish|expose|forward|release|circulate"
        r"|posting|sharing|uploading|sending|leaking|spreading|selling|publishing|exposing|forwarding)\b"
        + _G + r"{0,20}" + _OTHER_EN + " " + _G + r"{0,15}" + _MEDIA_EN,
        r"\b(?:sell|monetize|make money (?:from|with|off))\b" + _G + r"{0,30}\b(?:videos?|nudes?|pics|photos|tapes?)\b" + _G
        + r"{0,15}\b(?:of|from)\b",
        r"\b(?:send|show|post|share|forward)\b" + _G + r"{0,25}\bto (?:her|his|their) (?:family|parents|boss|friends|husband|"
        r"boyfriend|wife|school|work|coworkers|followers)\b",
        r"\b(?:write|draft|word)\b" + _G + r"{0,40}\b(?:threat|threaten\w*|blackmail\w*|extort\w*)\b",
        r"\bunless (?:she|he|they) (?:pays?|sends?|comes? back|does)\b",
        r"\brevenge\b" + _G + r"{0,40}\b(?:post|share|leak|send|expose|sharing|posting|leaking|sending|exposing)\b",
        # en: hack and spy
        r"\b(?:hack|hacking|break into|breaking into|get into|log ?into|login to|access|crack|bypass|unlock|guess|get)\b" + _G
        + r"{0,15}" + _OTHER_EN + r" (?:\w+ ){0,2}(?:account|phone|icloud|cloud|google|gmail|email|snapchat|instagram|facebook|"
        r"whatsapp|wechat|photos|gallery|camera roll|drive|dropbox|laptop|computer|password|passcode|pin|messages|dms|texts)\b",
        r"\b(?:how|help me|teach me|can i|could i|ways? to|want to|wanna)\b" + _G + r"{0,15}\bhack\b",
        r"\b(?:spy on|stalk|monitor|track|read)\b" + _G + r"{0,10}\b(?:her|his|my (?:wife|girlfriend|ex|husband|boyfriend|partner|"
        r"crush)|my ex-?\w*|someone)\b" + _G + r"{0,25}\b(?:phone|location|messages|texts|chats|whatsapp|without (?:her|him|them)"
        r" knowing|secretly)\b",
        r"\b(?:spyware|stalkerware|keylogger|tracking app|spy app|mspy|flexispy)\b" + _G + r"{0,30}" + r"\b(?:her|his|wife'?s|"
        r"girlfriend'?s|partner'?s|ex'?s|someone'?s)\b",
        r"\b(?:install|put|hide)\b" + _G + r"{0,15}\b(?:spyware|stalkerware|keylogger|tracker|spy app|tracking app)\b",
        # zh
        _REQ_ZH + r".{0,12}" + _MATERIAL_ZH, _MATERIAL_ZH + r".{0,10}(?:求|有吗|谁有|发我|私我|私信我|链接|在哪|哪里)",
        r"(?:弄到|搞到|拿到|看到|找到|下载)" + r".{0,6}" + _OTHER_ZH + r"的?.{0,4}" + _MEDIA_ZH,
        r"人肉|开盒|(?:查|找|搜)(?:一下|出|到)?.{0,12}(?:是谁|真名|真实姓名|名字|住址|地址|微博|抖音|身份|电话|联系方式)"
        r"|(?:视频|照片|图)里的?(?:女生|女孩|女的|人|妹子|男的).{0,6}是谁|找到她(?:本人|的微博|的住址|的联系方式)",
        r"(?:怎么|如何|想|要|帮我|教我|哪里|在哪|最好|能不能|怎样).{0,12}(?:发|传|散布|曝光|公开|上传|卖|出售|转发)"
        r".{0,12}" + _OTHER_ZH + r"的?.{0,6}" + _MEDIA_ZH,
        r"把" + _OTHER_ZH + r"的?.{0,6}" + _MEDIA_ZH + r".{0,4}(?:发出去|传出去|发给|发到|传到|传得|传遍|传开|散布|公开|曝光|卖)",
        r"(?:不给钱|不听话|不复合|不回来|不和我).{0,10}(?:就)?(?:把|发|公开|曝光)|威胁她|威胁他|(?:卖|出售).{0,10}(?:视频|照片|裸照)|(?:视频|照片|裸照).{0,10}(?:卖钱|出售|卖掉|卖给)",
        r"(?:黑进|黑入|入侵|破解|盗取|盗号|登录|登进|进入|偷看|查看|翻看).{0,10}" + _OTHER_ZH + r"的?.{0,6}(?:微信|qq|手机|账号|"
        r"帐号|icloud|云盘|相册|邮箱|密码|聊天记录|照片)",
        r"(?:怎么|如何|教我|帮我|能不能|怎样)(?:才能)?(?:黑进|黑入|入侵|破解|盗号|盗取)",
        r"监控(?:老婆|女朋友|女友|她|他|老公|男朋友|前任)的?手机|(?:定位|追踪|跟踪)(?:她|他|前任|前女友|老婆|女朋友)的?(?:手机|位置)"
        r"|装.{0,4}(?:监控软件|定位软件|间谍软件|追踪器).{0,10}(?:她|他|老婆|女朋友|老公)",
        # fr
        r"\b(?:ou|comment)\b" + _G + r"{0,30}\b(?:trouver|voir|regarder|telecharger|acceder|rejoindre|acheter|recuperer|obtenir"
        r"|avoir)\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:envoie|envoyez|donne|donnez|file|balance|partage|partagez|recommande|recommandez|conseille|conseiller|liste|listez"
        r"|lister|indique|indiquez|indiquer|trouve|trouvez)(?:[- ]?(?:moi|nous))?\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:m'|me )(?:envoyer|envoyez|donner|passer|filer|recommander|indiquer|conseiller|montrer|trouver|lister)\b" + _G
        + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:je cherche|je recherche|je veux (?:voir|regarder|trouver|telecharger)|j'aimerais (?:voir|trouver|regarder)"
        r"|je voudrais (?:voir|trouver|regarder))\b" + _G + r"{0,60}" + _MATERIAL_FR,
        r"\b(?:meilleurs?|bons?|quels?|quelles?|principaux|gros)\b" + _G + r"{0,30}\b(?:sites?|groupes?|canal|canaux|serveurs?|liens?)\b" + _G
        + r"{0,30}" + _MATERIAL_FR,
        r"\b(?:recuperer|obtenir|avoir|voir|trouver)\b" + _G + r"{0,10}\b(?:les|des)? ?" + _MEDIA_FR + r"\b" + _G + r"{0,10}"
        + _OTHER_FR,
        r"\b(?:qui est|c'est qui|identifier|retrouver|trouver)\b" + _G + r"{0,40}\b(?:la fille|la femme|cette fille|cette femme"
        r"|le mec|la personne|la meuf)\b" + _G + r"{0,20}\b(?:sur|dans|de) (?:la|cette|ces|les) (?:video|photo|image)s?\b",
        r"\b(?:trouver|retrouver|avoir|obtenir)\b" + _G + r"{0,20}\b(?:son|sa|ses) (?:nom|vrai nom|adresse|instagram|numero"
        r"|identite|compte|reseaux)\b", r"\bdoxx?er\b",
        r"\b(?:comment|ou|meilleure? (?:facon|maniere)|aide-moi a|je veux|je vais|dois-je)\b" + _G + r"{0,30}\b(?:publi\w*|post\w*"
        r"|partag\w*|diffus\w*|envoy\w*|balanc\w*|vend\w*|leak\w*|faire fuiter|mettre en ligne|expos\w*|faire tourner)\b" + _G
        + r"{0,30}(?:" + _OTHER_FR + r"\b" + _G + r"{0,20}\b" + _MEDIA_FR + r"|\b" + _MEDIA_FR + r"\b" + _G + r"{0,20}" + _OTHER_FR + ")",
        r"\b(?:ecrire|rediger|formuler)\b" + _G + r"{0,40}\b(?:menac\w*|chantage)\b",
        r"\b(?:si elle|s'il|sinon|a moins qu'elle)\b" + _G + r"{0,30}\b(?:je publie|je poste|je diffuse|j'envoie|je balance)\b",
        r"\b(?:pirater|hacker|craquer|cracker|entrer dans|acceder a|rentrer dans|m'introduire dans|deviner|trouver)\b" + _G
        + r"{0,25}\b(?:compte|telephone|icloud|snapchat|instagram|mot de passe|code|messages|photos|whatsapp|mails?|gmail|drive)\b"
        + _G + r"{0,10}" + _OTHER_FR,
        r"\b(?:espionner|surveiller|pister|localiser|traquer)\b" + _G + r"{0,10}\b(?:ma|mon|sa|son|mon ex|elle|lui|quelqu'un)\b",
        r"\b(?:suivre la (?:localisation|position))\b" + _G + r"{0,20}\b(?:sans qu'(?:elle|il))",
        r"\b(?:logiciel espion|mouchard|traceur|keylogger|stalkerware)\b" + _G + r"{0,30}\b(?:telephone|portable) (?:de|d')"
        r" ?(?:ma|mon|sa|son|elle|lui)",
    ],
    "abuse_strong": [
        # en: covert filming
        r"\b(?:how|where|best way|ways? to|tips?|help me|teach me|can i|could i|should i|want to|wanna|i'?d like to|trying to|"
        r"without)\b" + _G + r"{0,30}\b(?:secretly|covertly|discreetly|sneakily) (?:film(?:ing)?|record(?:ing)?|tap(?:e|ing)|"
        r"photograph(?:ing)?|video(?:ing)?|shoot(?:ing)?|tak(?:e|ing) (?:photos|pictures|pics|videos?)(?: of)?)\b",
        _REQ_EN + _G + r"{0,30}\b(?:film|record|tape|photograph|take (?:photos|pictures|pics|videos?) of)\b" + _G + r"{0,30}\b"
        r"(?:without (?:her|him|them) (?:knowing|noticing|finding out)|in the (?:shower|bathroom|toilet|changing room|locker room"
        r"|restroom)|up (?:her|a|women'?s|girls'?) skirts?|under (?:her|the) (?:skirt|dress))\b",
        r"\b(?:hide|install|set up|place|put|plant|mount|conceal)\b" + _G + r"{0,20}\b(?:camera|cam|recorder)\b" + _G
        + r"{0,40}\b(?:in|inside|into) (?:her|his|their|my (?:roommate|flatmate|housemate|tenant|guest|neighbou?r|sister|"
        r"stepsister|coworker|colleague|girlfriend|nanny|daughter'?s friend)'?s?|the (?:shower|bathroom|toilet|changing room|"
        r"locker room|bedroom|restroom|dorm|guest room|guest bathroom))",
        r"\b(?:best|smallest|tiny|good|cheap|which) (?:spy|hidden|pinhole|button|mini) ?cam(?:era)?s?\b" + _G
        + r"{0,30}\b(?:film|record|watch|people|girls|women|changing|bathroom|shower)",
        r"\b(?:how|where|tips?|best way)\b" + _G + r"{0,20}\b(?:take|get|shoot)\b" + _G + r"{0,10}\b(?:upskirts?|creep ?shots?)\b",
        # en: sexual fakes
        r"\b(?:make|create|generate|produce|render|photoshop|turn|put|swap|paste|morph)\b" + _G + r"{0,40}\b(?:deep ?fake|fake nudes?"
        r"|nudes?|naked|porn|explicit|sex video)\b" + _G + r"{0,30}\b(?:of (?:her|him|my|a|this|that|the|someone|them)|her|his|"
        r"classmate|coworker|colleague|crush|ex|neighbou?r|teacher|girl|woman|celebrity)\b",
        r"\b(?:make|create|generate|put|swap|paste)\b" + _G + r"{0,30}\b(?:her|his|my \w+'?s|someone'?s|a girl'?s) face\b" + _G
        + r"{0,30}\b(?:onto|into|on)\b" + _G + r"{0,20}\b(?:porn|explicit|nude|naked|sex)",
        r"\b(?:nudify|nudifier|deepnude|undress (?:her|him|them|this|the|a|girls?|women|people|someone)|remove (?:her|the|their|his)"
        r" cloth(?:es|ing)|removes? clothes)\b", r"\b(?:undress|clothes ?off|x-?ray) (?:app|tool|bot|ai|website|site)\b",
        # en: escaping consequences
        r"\b(?:delete|destroy|wipe|erase|get rid of|hide|clean up)\b (?:the |all |any |all the )?(?:evidence|proof|traces?)\b",
        r"\b(?:avoid|escape|dodge|beat|get out of|evade)\b (?:the )?(?:police|cops|charges?|arrest|prosecution|jail|prison|conviction|"
        r"getting (?:caught|arrested|charged)|being (?:caught|arrested|charged))\b",
        r"\b(?:not|never|without) (?:get|getting|being) (?:caught|arrested|charged|traced)\b", r"\bget away with\b",
        r"\b(?:traced|tracked) back to me\b", r"\bdon'?t get in(?:to)? trouble\b",
        r"\b(?:police|cops|they|anyone|nobody|no one)\b" + _G + r"{0,10}\b(?:can'?t|cannot|won'?t|couldn'?t|can never) (?:prove|tell|know)"
        r"\b" + _G + r"{0,15}\bi (?:posted|shared|sent|leaked|uploaded|did|filmed|took)\b",
        r"\b(?:make|get|force|convince|persuade|pressure|scare|threaten)\b (?:her|him|them|the victim|the girl|my ex)\b" + _G
        + r"{0,20}\b(?:drop|withdraw|retract|take back|not (?:to )?report|stay quiet|keep quiet|shut up|keep (?:her|his) mouth)",
        r"\b(?:can|will|could|would) (?:the )?(?:police|cops|they|anyone) (?:trace|track|find|identify) me\b" + _G + r"{0,40}\b(?:post|"
        r"upload|share|leak|send|sent|posted|uploaded|shared|leaked)",
        r"\b(?:anonymous(?:ly)?|untraceabl[ey]|vpn|burner|fake account)\b" + _G + r"{0,40}\b(?:post|upload|share|leak|send|spread|"
        r"expose)\b" + _G + r"{0,30}\b(?:her|his|their|nudes?|pics|photos|videos?)\b",
        r"\b(?:secretly|covertly|without (?:her|him|them) knowing|behind (?:her|his|their) back)\b" + _G + r"{0,30}\b(?:see|view|look at|"
        r"read|access|check|recover|get|open)\b" + _G + r"{0,20}\b(?:her|his|their|my (?:wife|girlfriend|husband|boyfriend|partner|ex)'?s?)"
        r"\b" + _G + r"{0,15}\b(?:photos?|pics|pictures|messages|texts|dms|chats|gallery|phone)\b",
        _REQ_EN + _G + r"{0,30}\b(?:see|view|look at|read|access|recover|get)\b" + _G + r"{0,30}\b(?:photos?|pics|pictures|messages"
        r"|texts|dms|chats)\b" + _G + r"{0,30}\b(?:(?:my )?(?:wife|girlfriend|husband|boyfriend|partner|ex)|she|he)\b" + _G
        + r"{0,10}\b(?:deletes?|deleted|hides?|hid|removes?|removed|keeps? private)\b",
        r"\b(?:nobody|no one|no-one|they|the police|she|he) (?:finds? out|knows?|can tell|notices?|realizes?)\b" + _G
        + r"{0,10}\bi (?:was (?:filming|recording|the one)|did it|posted|shared|filmed|recorded|took|sent|leaked|uploaded)\b",
        r"\b(?:make|turn|edit|change) (?:them|it|this|these|those|her|the (?:photos?|pics?|pictures?|images?)) (?:into )?(?:explicit|nudes?"
        r"|naked|sexual|porn\w*|x-rated)\b",
        # zh
        r"(?:偷偷|背着(?:她|他)|(?:她|他)不知道).{0,10}(?:看|查看|恢复|翻|读).{0,10}(?:照片|聊天|微信|相册|手机)"
        r"|(?:看|查看|恢复|翻).{0,15}(?:照片|聊天|微信|相册).{0,4}(?:偷偷|背着)",
        r"(?:不让|别让|不被).{0,6}(?:发现|知道|查出).{0,6}是我",
        r"(?:怎么|如何|怎样|教我|求教|哪里可以|在哪里|在哪|能不能|想)(?:才能|能|可以|去|偷偷|更好地|不被发现地)?(?:偷拍|偷录|拍裙底|偷窥|装针孔"
        r"|装摄像头|藏摄像头|安装摄像头|放摄像头)",
        r"(?:哪种|哪款|什么|推荐|求).{0,6}(?:针孔|微型|隐藏|隐形|迷你)(?:摄像头|摄像机|相机).{0,10}(?:偷拍|拍|录|适合)",
        r"(?:宿舍|浴室|卫生间|厕所|更衣室|卧室|酒店|房间).{0,6}(?:装|放|藏|安)(?:个|一个)?(?:针孔|摄像头|摄像机)",
        r"(?:偷偷|秘密|不被发现|不让她知道|她不知道).{0,10}(?:拍|录)|(?:拍|录).{0,8}(?:不被发现|不让她知道)",
        r"(?:一键)?(?:脱衣|去衣|扒衣)|换脸.{0,10}(?:色情|黄|不雅|裸|成人|av|片)|把.{0,10}脸换到|(?:怎么|如何|帮我|教我|哪个|什么|想)"
        r".{0,10}(?:deepfake|深度伪造)",
        r"(?:做|生成|合成|制作|p|ps)(?:成|一张|一个|几张)?.{0,10}(?:裸照|裸体|色情|黄图|不雅照)",
        r"(?:删|销毁|清除|删掉|处理掉|删干净).{0,6}(?:证据|痕迹)|(?:证据|痕迹).{0,6}(?:删|销毁|清除|删掉|处理掉)",
        r"(?:不被|逃避|躲避|躲过|避开)(?:警察|抓|查到|发现|追究|判刑|坐牢|起诉)|让她(?:撤案|撤诉|闭嘴|不要报警|别报警)",
        r"(?:能|会)(?:查到|追查到|抓到|找到)我|(?:没法|无法|不能|查不出|证明不了).{0,4}(?:证明|查出)?.{0,10}是我(?:发|传|拍)",
        r"(?:摄像头|摄像机|针孔).{0,6}(?:装|放|藏)(?:在)?(?:哪|什么地方|什么位置)|(?:摄像头|摄像机|针孔).{0,12}(?:不容易被发现|不被发现)",
        # fr
        _REQ_FR + r"\b" + _G + r"{0,30}\b(?:filmer|photographier|enregistrer|prendre des photos)\b" + _G + r"{0,30}\b(?:en secret|en"
        r" cachette|discretement|sans qu'(?:elle|il|ils|elles) (?:le )?(?:sache|sachent|remarque|voie)|a son insu|a leur insu"
        r"|sous (?:les|sa) jupes?|dans (?:la|les) (?:douche|salle de bain|vestiaires?|toilettes|cabines?))",
        r"\b(?:cacher|installer|placer|mettre|dissimuler)\b (?:une|la|ma|des)? ?(?:mini[- ]?|micro[- ]?)?(?:camera|cameras)\b" + _G
        + r"{0,40}\b(?:chambre|salle de bain|douche|vestiaire|toilettes|chez (?:elle|ma|mon))",
        r"\b(?:camera espion|mini[- ]?camera|micro[- ]?camera)\b" + _G + r"{0,30}\b(?:filmer|vestiaire|douche|toilettes)",
        r"\bphotos? sous (?:les|sa) jupes?\b",
        r"\b(?:deshabiller|denuder)\b" + _G + r"{0,30}\b(?:une fille|une femme|quelqu'un|ma|sa|cette|la photo|une photo|elle|les"
        r" filles)\b", r"\bnudif", r"\bappli\w*" + _G + r"{0,20}\b(?:deshabill|denud)",
        r"\b(?:faire|fais|fais-moi|creer|cree|generer|genere|fabriquer|produire)\b" + _G + r"{0,30}\b(?:deep ?fake|fausses? nudes?"
        r"|faux nus?|photo nue|video porno|montage porno)\b",
        r"\b(?:mettre|coller|incruster)\b" + _G + r"{0,5}\b(?:le|son) visage\b" + _G + r"{0,40}\b(?:porno|explicite|nue?|sexe|x)\b",
        r"\b(?:effacer|supprimer|detruire|faire disparaitre|cacher) (?:les|toutes les) (?:preuves|traces)\b",
        r"\b(?:en cachette|en secret|a son insu|sans qu'(?:elle|il) le sache)\b" + _G + r"{0,40}\b(?:photos?|messages|conversations|"
        r"whatsapp|snap\w*|telephone)\b" + _G + r"{0,30}\b(?:de (?:ma|mon|sa|son)|qu'(?:elle|il))",
        r"\b(?:voir|regarder|lire|recuperer|consulter)\b" + _G + r"{0,10}\b(?:en cachette|en secret|a son insu)\b",
        r"\b(?:personne ne|sans que personne ne) (?:sache|decouvre|remarque|devine)\b" + _G + r"{0,10}\bque (?:c'est moi|j'ai|je)",
        r"\b(?:rendre|transformer|faire) (?:les |la |ces |cette )?(?:photos? )?(?:explicites?|nues?|sexy|pornos?|x)\b"
        r"|\bles rendre (?:explicites?|nues?|pornos?)\b",
        r"\b(?:eviter|echapper a|esquiver) (?:la police|les flics|la prison|une plainte|les poursuites|d'etre (?:arrete|poursuivi"
        r"|condamne|retrouve))", r"\b(?:sans|pour ne pas) (?:me faire|se faire|etre) (?:prendre|attraper|arreter|choper|pincer)\b",
        r"\bretirer sa plainte\b|\bretire sa plainte\b|\bne pas porter plainte\b" + _G + r"{0,0}",
        r"\b(?:la police|les flics|ils)\b" + _G + r"{0,20}\b(?:me retrouver|me tracer|remonter jusqu'a moi)\b",
        r"\bremonte(?:r)? jusqu'a moi\b",
        r"\b(?:police|flics|personne|ils)\b" + _G + r"{0,20}\bne (?:puisse|peut|pourra|puissent|peuvent) (?:pas|jamais) (?:prouver|savoir"
        r"|remonter)\b",
    ],
    "victim": [
        r"\bmy (?:own )?(?:(?!(?:ex|girlfriend|boyfriend|wife|husband|partner|classmate|coworker|colleague|friend|sister|roommate"
        r"|flatmate|crush|neighbou?r|neighbor|date|student|teacher|boss|tenant)\b)[\w-]+ ){0,2}(?:photos?|pics?|pictures?|images?"
        r"|videos?|nudes?|selfies?|body|face|sexts?|tapes?|footage|recordings?|snaps?|content|onlyfans|leaks?)\b",
        r"\bof me\b", r"\b(?:me|myself) (?:naked|nude|undressed|in the shower|changing)\b",
        r"\b(?:filmed|recorded|photographed|taped|exposed|doxx?ed|blackmail(?:ed|ing)|sextort(?:ed|ing)|threaten(?:ed|ing)|"
        r"harass(?:ed|ing)|stalk(?:ed|ing)|hack(?:ed|ing)|impersonat(?:ed|ing)|outed|extort(?:ed|ing)|undressed|nudified) me\b",
        r"\bi (?:was|am|'m|got|have been|'ve been) (?:being )?(?:filmed|recorded|blackmailed|sextorted|threatened|hacked|extorted|"
        r"harassed|stalked|exposed|doxx?ed|targeted|photographed|deepfaked)\b",
        r"\bmy (?:abuser|blackmailer|stalker|harasser|attacker|extortionist|rapist)\b", r"\b(?:filmed|recorded|photographed|taped) us\b",
        r"\b(?:found|discovered|noticed|spotted) (?:a |an |the |some )?(?:hidden |spy |tiny |small )?(?:camera|cam|recording device)",
        r"\b(?:says|said|threatens|threatened|is threatening|keeps threatening) (?:he|she|they)?(?:'ll| will| would| is going to)? ?"
        r"(?:to )?(?:show|send|post|share|leak|publish|release|expose)\b",
        r"\b(?:nudes?|photos?|pics?|pictures?|videos?) (?:that )?i (?:sent|shared|took)\b",
        r"\b(?:check|detect|spot|find|look for|sweep)\b" + _G + r"{0,20}\b(?:hidden|spy|pinhole) ?cam", r"\bincluding me\b",
        r"(?<![给发求])我的?(?:私密|隐私|裸|不雅|假)?(?:照片|视频|图片|裸照|录像|影像|自拍|私照|身体|脸)|我被(?:偷拍|拍|录|威胁|勒索|敲诈|曝光|人肉|开盒|黑|盗号|换脸|p)"
        r"|说要(?:发|公开|曝光|传|给)|威胁(?:说|要)|发给我(?:老公|家人|父母|爸妈|朋友|同事|男朋友|老婆)|偷拍(?:了)?我|拍了我|录了我|威胁我|勒索我|敲诈我|人肉(?:出)?了?我|把我的|也有我|有我的|关于我的|用我的(?:照片|脸|视频)|我本人",
        r"(?:检查|发现|检测|识别|排查|找出|防止|防范|预防).{0,10}(?:摄像头|针孔|偷拍|监控)",
        r"\b(?:mes|ma|mon) (?:propres? )?(?:photos?|videos?|images?|nudes?|selfies?|sextapes?|corps|visage|contenus?)\b",
        r"\bde moi\b|\bdont (?:les miens|les miennes|moi)\b",
        r"\b(?:m'a|m'ont|me) (?:filme\w*|photographi\w*|enregistre\w*|menac\w*|fait chanter|font chanter|harcel\w*|pirate\w*|"
        r"deshabill\w*|denud\w*|fiche\w*|expose\w*)",
        r"\bje (?:suis|me suis fait|me fais|ai ete) (?:filme|victime|menace|harcele|pirate|fait chanter)\w*",
        r"\b(?:mon|ma) (?:agresseur|harceleur|harceleuse|maitre chanteur)\b",
        r"\b(?:verifier|detecter|reperer|trouver)\b" + _G + r"{0,20}\bcameras? cachee",
        r"\b(?:trouve|decouvert|remarque|repere)\w* (?:une|des|la) (?:camera|micro|mini-camera)",
        r"\b(?:dit|menace|a menace) (?:qu'il|qu'elle|de)\b" + _G + r"{0,15}\b(?:montrer|envoyer|publier|diffuser|poster|balancer)",
    ],
    "help": [
        r"\breport(?:s|ing|ed)?\b|\btake ?down\b|\btakedown\b|\btaken down\b|\bremov(?:e|ed|al|ing)\b|\bdelet(?:e|ed|ing)\b",
        r"\bstopncii\b|\btake it down\b|\bpolice\b|\blawyer\b|\battorney\b|\blegal (?:advice|aid|help)\b|\bpress charges\b"
        r"|\brestraining order\b|\bprotection order\b",
        r"\bprotect (?:myself|her|him|them|my)\b|\bsupport (?:her|him|them|my|a friend|someone)\b|\bhelp (?:her|him|them|my friend\b"
        r"|my sister|my daughter|my son|my child|my kid|my student|a friend|someone who)",
        r"\bmy (?:daughter|son|child|kid|teen|teenager|student|children|kids)\b|\bmy friend\b(?!'s)|\bmy sister\b(?!'s)",
        r"\b(?:prove|proof|evidence)\b|\bis (?:it|this|that) (?:real|fake|a deepfake)\b|\b(?:victims?|survivors?)\b|\bis (?:it|this|that) (?:illegal|a crime|legal|against the law)\b|\bwhat (?:can|should) (?:i|we)"
        r" do\b|\bwhat do (?:i|we) do\b|\bi regret\b|\bundo\b|\bmake (?:it|this|things) right\b|\bapologi[sz]e\b",
        r"举报|投诉|删除|删掉|下架|撤下|移除|报警|律师|起诉|法院|保护令|维权|求助|帮助?她|帮助?他|支持她|安慰|我(?:的)?(?:女儿|儿子|孩子)"
        r"|受害|违法吗|犯罪吗|犯法吗|怎么办|该怎么做|后悔|弥补|道歉",
        r"\bsignal\w*|\bretir(?:er|e|ee|ait)\b|\bsupprim\w*|\bdereferenc\w*|\bplainte\b|\bpolice\b|\bgendarmerie\b|\bavocat\b"
        r"|\bjustice\b|\btribunal\b|\bpharos\b|\be-?enfance\b|\b3018\b|\bproteger\b|\bsoutenir\b|\baider (?:mon amie|ma|mon|une amie"
        r"|quelqu'un|la victime|elle|le)\b|\bvictimes?\b|\best-ce (?:legal|illegal|un delit|un crime|puni)|\bque faire\b"
        r"|\bquoi faire\b|\bje (?:le )?regrette\b|\breparer\b|\b(?:mon fils|mon enfant|ma fille|mes enfants)\b",
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
        r"|nightmares?|overwhelmed|cyber\w*|helplines?|hotlines?|(?:phone )?number (?:i can|to) (?:call|text)|voyeur\w*|upskirt\w*|creep\w*|candid|locat\w*|track\w*|password|accounts?|sexual\w*|take it down)\b",
        r"照片|相片|图片|视频|录像|裸|私密|隐私|不雅|色情|泄露|流出|偷拍|摄像头|换脸|脱衣|传播|发到|上传|散布|转发|前任|前男友|前女友|男朋友"
        r"|女朋友|老公|老婆|伴侣|勒索|敲诈|威胁|骚扰|跟踪|黑进|盗号|报警|警察|举报|投诉|律师|起诉|法律|违法|犯罪|同意|受害|证据|截图|删除"
        r"|下架|热线|求助|电报|微信|微博|抖音|qq|群|平台|网站|网上|女儿|儿子|孩子|同学|丢人|羞耻|害怕|死|伤害|危险|孤独|哭|权利"
        r"|焦虑|恐惧|难受|崩溃|热线|电话|绝望|抑郁|失眠|睡不着|恶心|脏|性暴力|性侵|暴力|裙底|定位|密码|账号",
        r"\b(?:photo|image|video|nude|nue|intime|prive|sexe|porno|fuite|diffus|publi|partag|camera|filme|deepfake|montage|chantage"
        r"|sextorsion|menac|harcel|pirat|espion|plainte|signal|avocat|consentement|victime|preuve|capture|supprim|retir|pharos"
        r"|telegram|snapchat|instagram|tiktok|facebook|whatsapp|discord|enfant|honte|peur|danger|mourir|suicid|pleur|angoiss|anxi"
        r"|panique|deprim|degout|cauchemar|trauma|voyeur|jupe|localis|violence|cyber|numero)\w*|\b(?:sale|mot de passe|compte)\b"
        r"|\b(?:ex|copain|copine|mari|conjoint|police|gendarmerie|loi|illegal|delit|crime|fille|fils|seule?s?|droits?)\b",
    ],
}


def normalize(text: str) -> str:
    """Lower case, NFKC (full-width punctuation becomes ASCII), accents removed, one kind of apostrophe and space."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(f"(?:{p})" for p in patterns)) for name, patterns in PATTERNS.items()}


def scan(text: str) -> frozenset[str]:
    """The names of the signals whose patterns match the message."""
    normalized = normalize(text)
    return frozenset(name for name, pattern in _compiled().items() if pattern.search(normalized))
