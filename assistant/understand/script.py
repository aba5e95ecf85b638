"""The message in the script the guidance and the models were written in: Simplified characters, straight apostrophes.

Chinese: the guidance, the labelled corpora and the models are Simplified Chinese, as typed in mainland China.
People in Hong Kong, Taiwan and Macau, and many abroad, type Traditional characters (檢舉, 影片, 網路, 私密照): the same
words in other glyphs, which the embedding models, jieba and the word lists read less well. OpenCC's "t2s" table
(maintained, Apache-2.0, wheels for Linux, macOS and Windows) converts character by character and phrase by phrase;
Simplified text passes through unchanged (1 of 26,960 labelled texts changes: 麽 -> 么). Written Cantonese words
(佢, 唔, 咗) stay as they are: they have no Simplified counterpart.

Apostrophes: phones type the typographic one by default ("I’m 15", "j’habite", "she’s 14"), and 6 of 15,609 labelled
messages have it, so word lists written with "'" ("i'?m", "she's") missed a 15-year-old's age.

Capitals: a frightened person may type the whole message in capitals. The embedding models and the word lists learnt
from sentence case: answer batches 45 and 46's tuning halves typed in capitals held 176 and 185 facts (206 and 205
as typed), and 202 and 204 once lower-cased. A message in Latin letters that is mostly capitals is read in lower case;
a Chinese message with a name in capitals ("TAKE IT DOWN法案管AI图吗") is not. The place is still read from the
capitals as typed: lowered, "I'M IN LEXINGTON" lost its town (a town that is also a word is read only capitalised), and
the tuning halves 45 and 46 typed in capitals had 4 and 2 answers quoting another place's help instead of 2 and 1.
"""

from __future__ import annotations

import re

from assistant.once import load_once
from assistant.vocabulary import CJK

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\uff07\u00b4]")  # ’ ‘ ʼ ＇ ´


SHOUTED_SHARE = 0.8  # of a message's cased letters in capitals
SHOUTED_MIN_LETTERS = 8  # "HELP ME" or "CCRI?" is not a message in capitals


def _shouted(text: str) -> bool:
    """Written in capitals ("HE POSTED MY NUDES HOW DO I GET THEM DOWN"): the models learnt from sentence case."""
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= SHOUTED_MIN_LETTERS and sum(c.isupper() for c in cased) >= SHOUTED_SHARE * len(cased)


@load_once
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def in_script(text: str) -> str:
    """The message as typed, with straight apostrophes and, when it holds Chinese, Simplified characters: what the
    place reader reads, since a capital letter tells a town from a word ("I'M IN LEXINGTON", "in Mackay")."""
    text = _APOSTROPHES.sub("'", text)
    return _to_simplified().convert(text) if CJK.search(text) else text


def unshouted(text: str) -> str:
    """A message in Latin letters written in capitals, in lower case, as the models and word lists learnt it."""
    return text.lower() if not CJK.search(text) and _shouted(text) else text


def normalised(text: str) -> str:
    """The message as everything but the place reader reads it: `in_script`, then `unshouted`."""
    return unshouted(in_script(text))
