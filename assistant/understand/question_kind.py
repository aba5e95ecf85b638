"""Whether a message asks a yes-or-no question, or only how, what, where, who or when.

A card's direct answer often opens with its verdict ("Yes: Google and Bing each let you ask...", "Oui : signalez
chaque page au site", "可以：先保存链接"), written for the question it answers most often ("can I get it removed?").
Said to "how do I get it off Google?" or "comment supprimer une vidéo de moi", the "Yes" answers nothing that was
asked, and a frightened reader stops on it. On the answer batches' tuning halves 1-32 (2,400 questions, 2026-12-04),
102 of the 2,143 answered questions asked only how / what / where and were told "Yes" first.

Read only for that: a message with a how / what / where word and no yes-or-no form (an auxiliary first, "is it",
"est-ce que", "peut-on", "吗", "能不能") is a question that "Yes" does not answer. When both are there ("how do I
report it? is it even illegal?") the verdict stays. Two more questions a "Yes" first misleads: a check of what the
person was told ("is he right?", "c'est vrai ?", "这个说法对吗"), where it reads as agreeing with it, and "do I have
to ...?" answered "Yes, you can ...", where it reads as "you must". Pure; no I/O.
"""

from __future__ import annotations

import re

# How, what, where, who, which, why, when, how long, how much: the question wants a thing, not a verdict.
_OPEN: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:how|what|whats|what's|where|who|whom|which|why|when)\b", re.I),
    "fr": re.compile(r"\b(?:comment|quoi|o[uù]|qui|quel|quelle|quels|quelles|pourquoi|quand|combien|koi|cmt)\b", re.I),
    "zh": re.compile(r"怎么|怎样|如何|什么|啥|哪|谁|为什么|为啥|多久|多少|多长|几天|咋"),
}
# Yes or no: an auxiliary opening a sentence, or the forms that ask for a verdict.
_YES_NO: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:^|[.?!,;:]\s*|\b(?:and|but|so|also|or|ok|okay|hi|hey)\s+)(?:is|are|can|could|do|does|did|will|would|"
        r"should|shall|has|have|had|am|was|were|must|may|might|isnt|isn't|arent|aren't|cant|can't|dont|don't|doesnt|"
        r"doesn't|wont|won't)\b|\bor not\b|\b(?:right|correct|true|legal|illegal|allowed|free|anonymous)\s*\?",
        re.I),
    "fr": re.compile(
        r"\best-ce\b|\best ce\b|-(?:je|tu|il|elle|on|nous|vous|ils|elles)\b|\by a-t-il\b|\b(?:je|j'|tu|on|il|elle|"
        r"nous|vous|ils|elles) (?:peux|peut|pouvons|pouvez|peuvent|dois|doit|devons|devez|doivent|risque|risques|"
        r"risquez)\b[^?.!]*\?|\bc'est (?:grave|illégal|legal|"
        r"légal|normal|possible|vrai|puni|interdit|obligatoire|gratuit|anonyme)\b|\bou pas\b|\bou non\b|"
        r"\b(?:ça|ca) (?:marche|sert|vaut)\b",
        re.I),
    "zh": re.compile(r"吗|(?<![什怎这那多])么[？?]|能不能|可不可以|是不是|有没有|会不会|要不要|算不算|该不该|用不用|"
                     r"需不需要|行不行|可以不|有用没|违法不|犯法不"),
}


# A sentence that ends in a question mark: "Google peut enlever ça ?", "it's illegal?", "这算犯罪？".
_ASKED = re.compile(r"[^.?!。？！\n]*[?？]+")
# Who, which, where, when (qui, quand) also join clauses: "my daughter, who is 15, ...", "is it a crime when he only
# showed it?", "ça compte si c'est moi qui l'ai prise ?". Such a word asks only where a question word stands: opening
# the question, after a preposition ("à qui", "from where"), after a verb of knowing ("I want to know who"), or last
# ("c'est qui ?"). Not "ou" / "où": "Pharos ou plainte ?", "google ou bing ?" ask to choose, which "Oui" does not
# answer either (tried: eight answers then opened with "Oui :").
_JOINING_WORDS = {"en": r"(?:who|whom|which|where|when)", "fr": r"(?:qui|quand)"}
_JOINING: dict[str, re.Pattern[str]] = {lang: re.compile(rf"\b{words}\b", re.I) for lang, words in _JOINING_WORDS.items()}
# Where a joining word asks: first in the question (after a filler), after a preposition or a verb of knowing, or last.
_BEFORE_ASKING: dict[str, tuple[str, str]] = {  # (fillers that may open the question, words it may follow)
    "en": (r"and|but|so|ok|okay|then|also|hi|hey|like|um",
           r"\b(?:to|from|for|with|by|of|in|at|on|since|until|know|knows|tell me|find out|ask|asking|wondering|sure|"
           r"idea)\s+"),
    "fr": (r"et|mais|alors|donc|du coup|bon|ok|bref|bonjour|salut|euh",
           r"(?:\b(?:à|a|de|par|pour|avec|chez|contre|depuis|jusqu'à|vers|sais|savoir|saurai|dire|trouver|demande|"
           r"connaître|connaitre)\s+|\bd['’]\s*|\bc['’ ]?est\s+)"),
}
_ASKING_PLACE: dict[str, re.Pattern[str]] = {
    lang: re.compile(rf"^\W*(?:(?:{fillers})\W+)*{_JOINING_WORDS[lang]}\b|{after}{_JOINING_WORDS[lang]}\b|"
                     rf"\b{_JOINING_WORDS[lang]}\W*[?？]+$", re.I)
    for lang, (fillers, after) in _BEFORE_ASKING.items()
}


def _asks_open(sentence: str, language: str) -> bool:
    """Whether a question asks how / what / where / who / when: a question word, or a word that also joins clauses
    standing where a question word stands (`_ASKING_PLACE`)."""
    joining = _JOINING.get(language)
    if joining is None:
        return bool(_OPEN[language].search(sentence))
    if _OPEN[language].search(joining.sub(" ", sentence)):
        return True
    return bool(joining.search(sentence)) and bool(_ASKING_PLACE[language].search(sentence.strip()))


def asks_only_open(text: str, language: str) -> bool:
    """Whether the message asks how / what / where / who / when and nothing a "yes" or a "no" answers. A sentence
    ending in a question mark with no open word in it asks for a verdict ("Google peut enlever ça ?")."""
    open_words, yes_no = _OPEN.get(language), _YES_NO.get(language)
    if open_words is None or yes_no is None or not open_words.search(text) or yes_no.search(text):
        return False
    return all(_asks_open(asked, language) for asked in _ASKED.findall(text))


# "Is that true?", "elle a raison ?", "是真的吗": the person checks something they were told, and a card's "Yes" would
# read as "yes, what you were told is right" whether the rumour said the thing or its opposite ("my sister says it's
# not a crime until he posts them, is she right?" answered "Yes: ... is an offence"). Not 是真的 alone: "我是真的很怕"
# is "I really am scared".
_CHECKS_WHAT_WAS_SAID: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:is|was|isn'?t|are|aren'?t) (?:that|this|it|she|he|they) (?:really |actually |even |)(?:true|right|"
        r"correct|accurate|the case)\b|\b(?:is|are) (?:my|your|the) \w+ right\b|\bis that how it works\b|"
        r"\btrue or (?:not|false)\b|\bmyths?\b", re.I),
    "fr": re.compile(
        r"\b(?:c'est|c’est|c est|est-ce|est ce) (?:vraiment |bien |)(?:vrai|exact)\b|\bc['’ ]?est juste\s*\?|"
        r"\bvrai ou faux\b|\b(?:il|elle|ils|elles|on) (?:a|ont|avait|avaient) (?:vraiment |)raison\b|\bmythe\b|"
        r"\b(?:ça|ca) marche vraiment comme ça\b", re.I),
    "zh": re.compile(r"真的吗|是不是真的|是真的还是|谣言|属实|对吗|对不对|说得对|是这样吗|是这样的吗|真是这样"),
}
# "Do I need a solicitor before I go to the police?", "est-ce que je dois porter plainte ?", "需要先报警吗": the person
# asks whether they must. Not "do I have a case?", "j'ai besoin d'aide", "我需要帮助，能报警吗", which ask no such thing.
_ASKS_OBLIGATION: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:do|does|did|will) (?:i|we|she|he|they|you|my \w+) (?:really |actually |still |even |first |)"
        r"(?:have to|need (?:to|a|an|my|the|any|some|your))\b|\bmust (?:i|we|she|he|they)\b|\bis it (?:necessary|"
        r"mandatory|compulsory|required|obligatory)\b|\b(?:am i|are we|is she|is he) (?:required|obliged|forced)\b",
        re.I),
    "fr": re.compile(
        r"\b(?:dois-je|doit-on|doit-elle|doit-il|faut-il|je dois|on doit|elle doit|il doit|il faut|faut(?: que|-il)?|"
        r"oblig(?:é|ée|és|ées|atoire)s?|nécessaire|besoin d['’]une?)(?![\w-])", re.I),
    "zh": re.compile(r"必须|一定要|一定得|非要|非得|得先|需要先|要先|是否需要|需不需要|是不是(?:要|得)|用不用"),
}
# A verdict that says what the person may do ("Yes, you can report it", "Oui, vous pouvez", "可以："), not what they must.
_PERMISSION: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^yes,? (?:you|they|she|he|anyone|a parent) (?:can|may|could)\b", re.I),
    "fr": re.compile(r"^oui,? (?:vous|tu|elle|il|on) (?:pouvez|peux|peut)\b", re.I),
    "zh": re.compile(r"^可以[：:，,]"),
}


def _reads(patterns: dict[str, re.Pattern[str]], text: str, language: str) -> bool:
    pattern = patterns.get(language)
    return bool(pattern and pattern.search(text))


def checks_what_was_said(text: str, language: str) -> bool:
    """Whether the message asks if something it was told is true ("is that true?", "c'est vrai ?", "真的吗"): a
    verdict ("Yes: ...") would be read as agreeing with what was told."""
    return _reads(_CHECKS_WHAT_WAS_SAID, text, language)


def answers_may_not_must(question: str, line: str, language: str) -> bool:
    """Whether a card's line opens by saying the person may do something ("Yes, you can report it") while the question
    asks whether they must ("do I need a solicitor first?"): its "Yes" would be read as "you must"."""
    return _reads(_PERMISSION, line, language) and _reads(_ASKS_OBLIGATION, question, language)


# "My friend says...", "on m'a dit que...", "听说...": the message reports what someone said, read or claimed.
_REPORTS_WHAT_WAS_SAID: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:says?|said|saying|told|tells|telling|heard|read|claims?|claimed|reckons?|insists?|"
                     r"according to|apparently)\b", re.I),
    "fr": re.compile(r"\b(?:dit|disent|dise|disait|disaient|lu|entendu|para[iî]t|pr[ée]tend\w*|affirme\w*|selon|"
                     r"soi-disant|apparemment)\b", re.I),
    "zh": re.compile(r"(?<!怎么)说(?!明|不定|清|服|出|一下|了算)|听说|告诉我|声称|据说|看到说|网上说|号称"),
}
# The words a direct answer opens with when it calls something untrue ("Not true:", "Not true that nothing can be
# done:", "C'est faux :", "说“没办法”不对："): the myths card's. Its verdict, like "Yes", can be dropped (_VERDICT).
_REBUTTAL_WORDS: dict[str, str] = {
    "en": r"not true(?: that [^:]{1,60})?",
    "fr": r"c['’]est faux(?: [^:]{1,60})?",
    "zh": r"(?:说“[^”]{1,20}”)?不对",
}
_REBUTTAL: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"^{words}\s*[:：,，]", re.I) for language, words in _REBUTTAL_WORDS.items()}


def rebuts(line: str, language: str) -> bool:
    """Whether a card's line opens by saying that something the person heard is untrue."""
    return _reads(_REBUTTAL, line, language)


# A question put in the negative: whether something is useless, pointless or too late ("Pharos inutile ?", "is it
# pointless to report?", "报警是不是没用"). A "Yes: ..." to it reads as "yes, it is useless".
_ASKS_IN_THE_NEGATIVE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:useless|pointless|no point|not worth|waste of time|too late|no use|hopeless|futile)\b",
                     re.I),
    "fr": re.compile(r"\b(?:inutiles?|sert à rien|servent à rien|sert a rien|pas la peine|trop tard|vaut pas|"
                     r"vaut rien|peine perdue|foutu)\b", re.I),
    "zh": re.compile(r"没用|没有用|白费|没意义|没有意义|来不及|太晚|不值得|没必要|白搭"),
}


def asks_in_the_negative(text: str, language: str) -> bool:
    """Whether the message asks if something is useless, pointless or too late: a "Yes" would agree that it is."""
    return _reads(_ASKS_IN_THE_NEGATIVE, text, language)


# A choice between two things to do: "should I report now or wait?", "porter plainte maintenant ou attendre ?",
# "是在捷克报警，还是得回国处理？". A "Yes" answers neither. Only "should I ... or ...?" in English: "can I still use
# StopNCII or will that mess up the case?" asks whether they can, and its "Yes" is the answer (tried, 2026-12-07: the
# broader " or " lost three labelled facts on the tuning halves). Not "or not", "ou pas", "ou non", which ask yes or
# no, nor a French question put by inversion or opened by "est-ce" ("l'eSafety peut-il contraindre l'auteur, ou
# seulement les plateformes ?": "Oui", the author too). In Chinese, 还是 inside a question without 吗 ("还是能删吗" is
# "can it still be deleted?"), not opening one: "算犯罪吗？还是只有真实照片才算？" asks first whether it is a crime, and
# "是的" answers it.
_FR_NOT_A_CHOICE = r"est-ce|est ce|peut|puis|c'est|ça|ca\b|y a-t-il|existe-t-il"
_FR_INVERTED = r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)\b"
_EITHER_OR: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:should|shall) (?:i|we|she|he|they)\b[^?.!]*\bor\b(?!\s+(?:not|no)\b)[^?.!]*\?", re.I),
    "fr": re.compile(rf"(?:^|[.?!])(?!\s*(?:{_FR_NOT_A_CHOICE}))(?:(?!{_FR_INVERTED})[^?.!])*\sou\s"
                     r"(?!pas\b|non\b|bien\b)[^?.!]*\?", re.I),
    "zh": re.compile(r"[^？?。！!\s，,][^？?。！!]*还是(?!很|不|没|会|能|可以|要|觉得|一样|有)[^？?。！!吗]*[？?]"),
}


def asks_either_or(text: str, language: str) -> bool:
    """Whether the message asks to choose between two things to do, which a "Yes" does not answer."""
    return _reads(_EITHER_OR, text, language)


def verdict_misleads(question: str, line: str, language: str) -> bool:
    """Whether a card's direct answer, `line`, should lose its opening verdict for this question. A "Not true:"
    does, unless the message reports or checks something said: "If she only reports it to Reddit, is that enough?"
    is not answered "Not true: ...". A "Yes" does when the message asks nothing at all (a statement, "he already
    posted my nudes on twitter, in the UK", or a bare request, "signaler un deepfake": a "Yes" there answers a question
    no one asked), when the question only asks how / what / where, or checks what the person was told, or asks
    whether something is useless or too late, or asks "must I?" of a "Yes, you can"."""
    if rebuts(line, language):
        return not (checks_what_was_said(question, language) or _reads(_REPORTS_WHAT_WAS_SAID, question, language))
    yes_no = _YES_NO.get(language)
    asks_nothing = not asks_something(question) and not (yes_no and yes_no.search(question))
    return (asks_nothing or asks_only_open(question, language)
            or checks_what_was_said(question, language) or asks_either_or(question, language)
            or asks_in_the_negative(question, language) or answers_may_not_must(question, line, language))


# The verdict a direct answer may open with, and what separates it from the rest of the line.
_VERDICT: dict[str, re.Pattern[str]] = {
    "en": re.compile(rf"^(?:yes|{_REBUTTAL_WORDS['en']})\s*[:,.;]\s*", re.I),
    "fr": re.compile(rf"^(?:oui|{_REBUTTAL_WORDS['fr']})\s*[:,.;]\s*", re.I),
    "zh": re.compile(rf"^(?:是的|可以|{_REBUTTAL_WORDS['zh']})\s*[：:，,。；;]\s*"),
}


def without_verdict(line: str, language: str) -> str:
    """The line without an opening "Yes:", "Oui :", "是的，" or "可以：" (the next letter capitalised, unless it
    starts a name such as "eSafety"), or the line itself when it does not open with one or would be left empty."""
    pattern = _VERDICT.get(language)
    match = pattern.match(line) if pattern else None
    rest = line[match.end():] if match else ""
    if not rest.strip():
        return line
    if rest[1:2].isupper():
        return rest  # a name that starts in lower case: "eSafety", "iCloud"
    return rest[:1].upper() + rest[1:]


# "What now", "je fais quoi", "怎么办": a question asked without a question mark.
_ASKS_UNMARKED = re.compile(
    r"(?i:\bwhat (?:do|should|can) (?:i|we) do\b|\bwhat now\b|\bwhat next\b|\bhow do (?:i|we)\b|\bwhat are my options\b|"
    r"\b(?:je|j|on) (?:fais|fait|dois faire) quoi\b|\bque (?:faire|dois-je faire)\b|\bquoi faire\b|"
    r"\bqu['’]est-ce que (?:je|j['’]|on) (?:fais|dois|peux)\b|\bcomment (?:je|faire|on) (?:fais|fait|peux|dois)?)"
    r"|怎么办|咋办|该怎么|怎么做|怎么处理|怎么删"
    # a question told rather than asked: "she wants to know if she can report it here", "je me demande si ..."
    r"|(?i:\b(?:want|wants|wanted|need|needs|like) to know (?:if|whether)\b|\bwonder(?:s|ing)? (?:if|whether)\b|"
    r"\b(?:savoir|demande|demandais) s(?:i\b|['’](?:il|ils|elle|elles|on)\b))|想知道|想问"
    # a sentence (or what follows a colon: "asking for a client: does it cover fakes") that opens with a question
    # word ("how long does removal take", "combien de temps ça prend") or ends with a question particle ("付了钱他还会发吗")
    r"|(?:^|[.!:。！：\n]\s*)(?i:how|what|whats|where|when|why|which|who|can|could|should|is|are|do|does|will|would|"
    r"comment|combien|où|quand|pourquoi|quel|quelle|est-ce|est ce|peut-on|faut-il)\b"
    r"|[吗呢](?:[。！!…~\s]|$)")


def asks_something(text: str) -> bool:
    """Whether the message asks a question at all: a question mark, or a question said without one ("what now",
    "je fais quoi", "怎么办"). A goodbye, a plan or a statement of what was taken asks nothing: the lines to call
    are the whole answer, with no steps about the images after them."""
    return bool(_ASKED.search(text) or _ASKS_UNMARKED.search(text))


# Whether something is a crime, said in the words people use for it: "is sextortion illegal", "deepfake, illégal ?",
# "偷拍会坐牢吗". Not "legal" alone ("legal aid", "a legal question") nor a complaint ("porter plainte"), which ask
# for help with a process, not for a verdict on the act.
_LAW_WORDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:illegal|unlawful|against the law|crimes?|criminal|offen[cs]es?|jail|prison|arrested|"
                     r"prosecut\w*|penalt(?:y|ies)|fined|punish\w*)\b"
                     # what the person who did it risks: "what could he get for it", "how long would she get"
                     r"|\b(?:what|how long|how many years) (?:could|would|will|can|might) (?:he|she|they|i|we|"
                     r"the person|someone|my ex) (?:get|face)\b", re.I),
    "fr": re.compile(r"\b(?:ill[ée]gale?s?|interdite?s?|délits?|crimes?|infractions?|pénale?s?|prison|punie?s?|"
                     r"condamn\w*|amendes?|encour(?:t|ent|ue?s?))\b"
                     r"|\bquelles? peines?\b|\bpeines? (?:de prison|encourues?|maximales?|prévues?)\b"
                     # "il risque quoi ?", "qu'est-ce qu'il risque", "risque-t-il", "ça risque combien"
                     r"|\brisque(?:nt|s|z)? (?:quoi|combien)\b|\bqu['’]est[- ]ce qu['’](?:il|elle|ils|elles|on|je|j['’]) ?"
                     r"risque|\brisque[- ]t[- ](?:il|elle|on)\b", re.I),
    "zh": re.compile(r"违法|犯法|犯罪|坐牢|判刑|判几年|判多久|会被判|怎么判|坐几年|罚多少|罚款|处罚|拘留|刑事|合法吗"),
}


def asks_about_law(question: str, language: str) -> bool:
    """Whether a question (a message's asked sentences, or the whole message when it is one sentence) asks whether
    something is a crime: the law card's answer for their place is what a caseworker says first."""
    return _reads(_LAW_WORDS, question or "", language)
