"""Whether the person in the images is under 18, when the message says so.

Age changes the advice: images of someone under 18 go to Take It Down, Report Remove or 3018 rather than StopNCII,
and a parent or a school has its own steps. Only what the message states counts ("I'm 15", "ma fille de 14 ans",
"女儿13岁", "when I was 16", "未成年", "mineure", "lycéenne"); anything else is unknown, and the answer asks when the
advice depends on it.
"""

from __future__ import annotations

import re

ADULT_AGE = 18
_ZH_DIGITS = {"十": 10, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# An age written next to its unit: "15 yo", "15-year-old", "15 ans", "15岁", "十五岁", "I'm 15", "(15F)".
_AGE = re.compile(
    r"(?P<n>\d{1,2})\s*(?:-|\s)?\s*(?:y/?o\b|yrs?\b|years?(?:[\s-]+old)?\b|ans\b|岁|周岁)"
    r"|(?i:\b(?:i'?m|i am|im|age|aged)\s+(?P<m>\d{1,2})\b(?!\s*(?:%|h\b|min|€|\$|euros?|dollars?|pounds?|k\b)))"
    r"|\((?P<p>\d{1,2})\s*[fmFM]?\)"
    r"|(?i:\b(?:i was|j'avais|she was|he was|elle avait|il avait|was only)\s+(?P<w>\d{1,2})\b)"
    r"|(?P<z>[十一二两三四五六七八九]{1,3})岁"
    # a bare number right after the person it is the age of: "my son is 14", "she's only 15", "我才19", "女儿13，"
    r"|(?i:\b(?:son|daughter|child|kid|sister|brother|niece|nephew|cousin|grandson|granddaughter|stepson|"
    r"stepdaughter|student|pupil|girl|boy|girlfriend|boyfriend|teen|classmate|friend|she|he|she'?s|he'?s)"
    # "my daughter, who is 15,", "a pupil who's 14"
    r"(?:\s*,?\s*who(?:'s|\s+is)\s+|\s+(?:is\s+)?)"
    r"(?:only\s+|just\s+)?(?P<b>\d{1,2})\b(?!\s*(?:%|h\b|min|hours?|days?|weeks?|months?|times?|km|miles?|€|\$|euros?|"
    r"dollars?|pounds?|k\b|am\b|pm\b|[:.,]\d)))"
    # the same for several people: "the students are 14 to 17", "my kids are 12 and 15"
    r"|(?i:\b(?:sons|daughters|children|kids|sisters|brothers|students|pupils|girls|boys|teens|classmates|"
    r"friends)\s+(?:are\s+)?(?:only\s+|just\s+|all\s+|between\s+)?(?P<s>\d{1,2})\b(?!\s*(?:%|h\b|min|hours?|"
    r"days?|weeks?|months?|times?|km|miles?|€|\$|euros?|dollars?|pounds?|k\b|am\b|pm\b|of\b|[:.,]\d)))"
    r"|(?:我|她|他|女儿|儿子|孩子|闺女|妹妹|弟弟)(?:今年|现在|才|只有|刚|刚满)?(?P<c>\d{1,2})(?=[\s，,。.!！?？、]|$)"
    # a message that opens with the writer's age, as teenagers introduce themselves: "16 from deniliquin", "15 here",
    # "16f"; not "16 from the group saw it", nor a distance ("20 m from my door")
    r"|^\s*(?P<o>[1-6]\d)(?:\s*[fmFM]\b(?!\s*(?:from|away|of|long|high|wide|tall|deep)\b)|\s+here\b"
    r"|\s+from\s+(?!(?:the|my|our|his|her|their|a|an|this|that|work|school|home|them|him|it)\b))")
_MINOR = re.compile(
    r"(?i:\b(?:under[\s-]*18s?|under[- ]age|underage|minor|a child|child(?:ren)?'s|teen(?:ager)?s?|high[- ]school(?:er)?|"
    r"middle[- ]school|year\s*(?:7|8|9|10|11)|"
    # the US and Canadian grades of the same ages: "8th graders", "in grade 10", "a Grade 9 student" (not "grade 9 in
    # maths", a GCSE mark)
    r"(?:[1-9]|1[01])(?:st|nd|rd|th)[- ]grade(?:rs?)?|in\s+grade\s*(?:[1-9]|1[01])|"
    r"grade\s*(?:[1-9]|1[01])\s+(?:students?|pupils?|girls?|boys?|kids?|class)|"
    r"mineur(?:e|es|s)?|moins de 18|ado(?:lescente?)?s?|collégien(?:ne)?s?|"
    r"lycéen(?:ne)?s?|au collège|au lycée|en (?:6e|5e|4e|3e|seconde|première)|pédopornograph\w*)\b)"
    r"|未成年|初中|高中|中学生|小学生|初一|初二|初三|高一|高二|高三|(?:未满|不满|不到)\s*(?:18|十八)\s*岁?|(?:18|十八)\s*岁以下")
# Whom a service is for, in the words of its rule: "they only do under 18s", "c'est pour les mineurs", "只面向未成年人".
_ELIGIBILITY = re.compile(
    r"(?i:\b(?:for|only(?:\s+(?:do|does|take|takes|help|helps|for))?|pour|que|aux|réservée?s?\s+aux)\s+(?:les\s+)?"
    r"(?:under[\s-]*18s|minors|kids|children|mineurs|enfants)\b)"
    r"|(?:给|面向|只面向|针对|只针对|适用于|仅限)未成年人?")
# A school pupil is a child (a teacher's "élève filmée aux vestiaires", "我在一所中学教书"), unless the message says an age
# or says adult ("un élève majeur, 18 ans"): a weaker sign, read after those. Not the pupils' parents a teacher's ex
# threatens to send the images to ("aux parents d'élèves"), nor an adult's old classmate from middle school ("我中学同学").
_PUPIL = re.compile(r"(?i:\b(?:(?:primary|secondary) school|pupils?(?!'? parents)|school(?:girl|boy|child|kid)s?|"
                    r"schoolchildren|(?<!parents d')élèves?|écoli(?:er|ère)s?)\b)|(?:中学|小学)(?!同学)")
_ADULT = re.compile(r"(?i:\b(?:over\s*18|adults?|adultes?|majeure?s?|plus de 18|(?:university|college|uni|grad|phd|master'?s) "
                    r"students?|étudiant(?:e|es|s)?|en (?:licence|master)\b|lecturers?|i lecture|lectur(?:e|ing) at|"
                    # a university's staff and students are adults: "I lecture at a university and a second-year
                    # student came to my office", "je suis maîtresse de conférences", "在大学当老师"
                    r"(?:at|in|à|a) (?:a |the |my |our |la |l['’])?(?:university|universit[ée]|uni|fac)|maîtresse de "
                    r"conférences|maître de conférences|enseignante?[- ]chercheu(?:r|se))\b)"
                    r"|成年人|已成年|大学生|研究生|博士生|本科生|(?:上|读|念|在)大学|(?<!不)留学|研[一二三](?!下)|大学(?:老师|教师|讲师|教授|辅导员)|高校(?:老师|教师)"
                    r"|(?:读|上|念|是|名|个)大[一二三四](?!点|些)|大[一二三四](?:学生|女生|男生|新生|那年|的时候|上学期|下学期)")


def _zh_number(text: str) -> int:
    if text.startswith("十"):
        return 10 + _ZH_DIGITS.get(text[1:2], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _ZH_DIGITS.get(tens, 0) * 10 + _ZH_DIGITS.get(ones, 0)
    return _ZH_DIGITS.get(text, 0)


def stated_ages(text: str) -> list[int]:
    """The ages a message states, in order."""
    ages = []
    for match in _AGE.finditer(text):
        if match.group("z"):
            ages.append(_zh_number(match.group("z")))
        else:
            ages.append(int(match.group("n") or match.group("m") or match.group("p") or match.group("w")
                            or match.group("b") or match.group("s") or match.group("c") or match.group("o")))
    return [age for age in ages if 5 <= age <= 99]


def detect_minor(text: str) -> bool | None:
    """True when the message says someone involved is under 18, False when it says adult, None when it does not say.

    Any stated age under 18 counts, whoever it belongs to: the advice for a 15-year-old's images applies even when
    their parent writes ("my daughter is 15, I am 45").
    """
    ages = stated_ages(text)
    # With an age stated, a service's rule is not the person's age: "childline said they only do under 18s and i'm
    # 22" is an adult (but "j'ai 20 ans, photos prises au lycée" still speaks of images of a minor).
    if any(age < ADULT_AGE for age in ages) or _MINOR.search(_ELIGIBILITY.sub(" ", text) if ages else text):
        return True
    if ages or _ADULT.search(text):
        return False
    if _PUPIL.search(text):
        return True
    return None


# The writer's own age, said in the first person: "I'm 15", "im 14", "j'ai 16 ans" (typed "jai" or "j’ai" too),
# "我15岁", "我今年十四岁".
_OWN_AGE = re.compile(
    r"(?i:\b(?:i'?m|i am|im)\s+(?:only\s+|just\s+)?(?P<e>\d{1,2})\b(?!\s*(?:%|h\b|min|€|\$|euros?|dollars?|pounds?|k\b)))"
    r"|(?i:\bj['’]?ai\s+(?:seulement\s+|que\s+)?(?P<f>\d{1,2})\s*ans\b)"
    r"|我(?:今年|现在|才|只有)?(?:(?P<c>\d{1,2})|(?P<z>[十一二两三四五六七八九]{1,3}))(?:周)?岁")


def writer_is_minor(text: str) -> bool:
    """The writer says they are under 18 themselves ("I'm 15", "j'ai 14 ans", "我15岁"): whatever else the message
    names (their parents, a teacher), the person writing is the young person, not a parent or a teacher."""
    for match in _OWN_AGE.finditer(text):
        age = _zh_number(match.group("z")) if match.group("z") else int(match.group("e") or match.group("f")
                                                                          or match.group("c"))
        if 5 <= age < ADULT_AGE:
            return True
    return False
