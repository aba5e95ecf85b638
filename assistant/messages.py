"""Fixed sentences Recourse says in its own voice, in each language.

They hold no facts (no numbers, laws or addresses): every fact comes from a cited passage of the knowledge base.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "lead": {
        "en": "Here is what Recourse's guidance says:",
        "zh": "以下是 Recourse 指南中的相关内容：",
        "fr": "Voici ce que disent les fiches de Recourse :",
    },
    "nothing_found": {
        "en": "I could not find anything in Recourse's guidance that answers this. Recourse can help with intimate "
              "images shared or threatened without consent: keeping evidence, reporting to platforms and police, "
              "getting images removed, the law where you live, and where to find support. You could ask in other "
              "words. If you are in danger right now, call your local emergency number.",
        "zh": "在 Recourse 的指南中没有找到能回答这个问题的内容。Recourse 可以帮助处理未经同意被传播或被威胁传播的私密影像："
              "保存证据、向平台和警方举报、删除影像、当地法律以及求助渠道。你可以换一种说法再问。如果你现在有危险，请拨打当地的紧急电话。",
        "fr": "Je n'ai rien trouvé dans les fiches de Recourse qui réponde à cette question. Recourse aide quand des "
              "images intimes sont diffusées ou menacées de l'être sans consentement : garder des preuves, signaler "
              "aux plateformes et à la police, faire retirer les images, la loi là où vous vivez, et où trouver de "
              "l'aide. Vous pouvez reformuler. Si vous êtes en danger maintenant, appelez le numéro d'urgence local.",
    },
    "place_note": {
        "en": "Laws and services differ from place to place. Tell me where you are (China, United States, United "
              "Kingdom, Australia, European Union or France) for guidance that fits.",
        "zh": "各地的法律和求助渠道不同。告诉我你在哪里（中国、美国、英国、澳大利亚、欧盟或法国），我可以给出更适合你的信息。",
        "fr": "Les lois et les services varient selon les pays. Dites-moi où vous êtes (Chine, États-Unis, "
              "Royaume-Uni, Australie, Union européenne ou France) pour des informations adaptées.",
    },
    "help_heading": {
        "en": "Where to get help",
        "zh": "可以向哪里求助",
        "fr": "Où trouver de l'aide",
    },
}


def message(key: str, language: str) -> str:
    """A fixed sentence in the given language (English when the language is unknown)."""
    table = MESSAGES[key]
    return table.get(language, table["en"])
