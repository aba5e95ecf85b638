"""The message in the script the guidance and the models were written in: Simplified characters, straight apostrophes.

Chinese: the guidance, the labelled corpora and the models are Simplified Chinese, as typed in mainland China.
People in Hong Kong, Taiwan and Macau, and many abroad, type Traditional characters (檢舉, 影片, 網路, 私密照): the same
words in other glyphs, which the embedding models, jieba and the word lists read less well. OpenCC's "t2s" table
(maintained, Apache-2.0, wheels for Linux, macOS and Windows) converts character by character and phrase by phrase;
Simplified text passes through unchanged (1 of 26,960 labelled texts changes: 麽 -> 么). Written Cantonese words
(佢, 唔, 咗) stay as they are: they have no Simplified counterpart.

Apostrophes: phones type the typographic one by default ("I’m 15", "j’habite", "she’s 14"), and 6 of 15,609 labelled
messages have it, so word lists written with "'" ("i'?m", "she's") missed a 15-year-old's age.
"""

from __future__ import annotations

import re

from assistant.once import load_once
from assistant.vocabulary import CJK

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\uff07\u00b4]")  # ’ ‘ ʼ ＇ ´


@load_once
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def normalised(text: str) -> str:
    """The message with straight apostrophes and, when it holds Chinese, Traditional characters in Simplified."""
    text = _APOSTROPHES.sub("'", text)
    if not CJK.search(text):
        return text
    return _to_simplified().convert(text)
