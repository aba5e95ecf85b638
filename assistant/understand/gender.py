"""Whether the message says the person in the images is a man or a boy, and whether a line of guidance is for women.

Some of the guidance's help is for women only: France's 3919 ("pour les femmes victimes de violences"), China's 12338
women's hotline and the Women's Rights Protection Law's protection order, Australia's women's legal services. Quoted
to a man ("我是男的", "je suis un mec", "I'm a guy") or about a boy, that help reads as the only help there is, and it is
not his: a counsellor asking for "specific channels" for a male student was told first that China's Women's Rights
Protection Law forbids leaking "the woman's" privacy (answer batch 55's tuning half, "men and boys"). Such lines are
left out for him; the rest of the guidance (the police, the courts, the platforms) is everyone's.

Read only from what the message says in words: a writer who says he is a man ("I'm a 24-year-old guy", "je suis un
homme", "本人男", "我16岁，男，"), and a helper who names the person as a boy or a man ("my son", "mon fils", "a male
student", a counsellor's "男生来咨询"; not "一个男生" alone, who is as often the one who did it). Not a partner or a
father ("my boyfriend", "I'm her dad"): a man writing about a woman's images. Pure; no I/O.
"""

from __future__ import annotations

import re

_MAN = re.compile(
    # the writer, about himself
    r"(?i:\b(?:i['’]?m|im|i am)\s+(?:a |an )?(?:\d{1,2}[- ]?(?:y/?o|yrs?[- ]old|years?[- ]old)?\s+)?(?:straight |gay |bi |young |"
    r"single |married )?(?:guy|man|bloke|dude|lad|boy|male)\b|\bas a (?:guy|man|bloke|dude|male|boy)\b|"
    r"\b(?:je suis|j['’]suis|chuis|t['’]es|tu es|quand on est|étant) (?:un |une? )?(?:jeune )?(?:homme|mec|gars|garçon)\b|"
    r"\ben tant qu['’](?:homme|mec)\b|^\W*(?:[a-z]+ )?(?:guy|bloke|lad|dude|man) (?:here|living|from|based)\b)"
    r"|我(?:是|就是)?(?:个|一个)?(?:男的|男生|男人|男孩|大男人)|本人男|(?:^|[，,。.\s])男(?=[，,。.\s])|作为(?:一个)?男(?:人|生|的)"
    # a helper, about the person in the images
    r"|(?i:\bmy (?:\d{1,2}[- ]?(?:y/?o|yrs?[- ]old|years?[- ]old)\s+)?(?:son|stepson)\b|\bmon (?:fils|beau-fils)\b|"
    r"\ba male (?:student|pupil|client|patient|colleague|friend|employee)\b|\bun (?:jeune homme|garçon) de \d{1,2} ans\b)"
    r"|我(?:的)?儿子|男(?:生|孩|同学|学生)来(?:咨询|找我|求助|办公室)|男(?:性)?来访者")
# ... unless the message says whose images they are and she is a woman or a girl ("my son shared a girl's photo", "班上一个
# 男生用AI把她的照片做成...").
_WOMAN_IN_IMAGES = re.compile(
    r"(?i:\bher (?:\w+ )?(?:photos?|pics?|pictures?|images?|videos?|nudes?|selfies?)\b|\b(?:a|the|this) girl['’]s\b|"
    r"\bd['’]une (?:fille|femme|élève|camarade|collègue)\b|\bde (?:son|mon|ma|sa) (?:ex-?)?(?:copine|amie|femme|petite amie)\b)"
    r"|她的|把她|给她|女生的|女儿")

# A line for women only: it names women as who it is for, and not men alongside them ("women and men", "man or
# woman", "femmes ou hommes", "女性和男性").
_WOMEN = re.compile(r"(?i:\bwom[ae]n(?:['’]s)?\b|\bfemmes?\b)|妇女|女方|女性")
_MEN_TOO = re.compile(r"(?i:\bm[ae]n\b|\bhommes?\b)|男")


def names_a_man(text: str) -> bool:
    """Whether the message says the person in the images is a man or a boy."""
    return bool(_MAN.search(text)) and not _WOMAN_IN_IMAGES.search(text)


def for_women_only(line: str) -> bool:
    """Whether a line of guidance is help for women only."""
    return bool(_WOMEN.search(line)) and not _MEN_TOO.search(line)
