"""Chinese typed in Traditional characters, read in Simplified.

The guidance, the labelled corpora and the models were written in Simplified Chinese, as typed in mainland China.
People in Hong Kong, Taiwan and Macau, and many abroad, type Traditional characters (檢舉, 影片, 網路, 私密照): the same
words in other glyphs, which the embedding models, jieba and the word lists read less well. OpenCC's "t2s" table
(maintained, Apache-2.0, wheels for Linux, macOS and Windows) converts character by character and phrase by phrase;
Simplified text passes through unchanged (1 of 26,960 labelled texts changes: 麽 -> 么). Written Cantonese words
(佢, 唔, 咗) stay as they are: they have no Simplified counterpart.
"""

from __future__ import annotations

from assistant.once import load_once
from assistant.vocabulary import CJK


@load_once
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The message with any Traditional Chinese characters in Simplified; text without Chinese is returned as is."""
    if not CJK.search(text):
        return text
    return _to_simplified().convert(text)
