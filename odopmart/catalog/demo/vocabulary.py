"""Words the demo generator combines into product names and variants, in English and Hindi.

Hindi adjectives agree with the gender and number of the noun they describe (नीला कुर्ता,
नीली साड़ी, नीले दीये), so every template gives the gender and number of its head noun, and
qualifiers carry every form.
"""

from __future__ import annotations

from dataclasses import dataclass

# Grammatical gender and number of a Hindi noun: masculine, feminine, masculine plural and
# feminine plural. Feminine plural adjectives take the feminine singular form (नीली चूड़ियाँ).
GENDERS = ("m", "f", "mp", "fp")


@dataclass(frozen=True)
class Word:
    """An adjective with its Hindi forms for a masculine, feminine and masculine-plural noun."""

    en: str
    m: str
    f: str = ""
    p: str = ""
    noun_hi: str = ""  # for materials: the bare noun (शीशम की लकड़ी), for the material field

    def hi(self, gender: str) -> str:
        if gender in ("f", "fp"):
            return self.f or self.m
        if gender == "mp":
            return self.p or self.m
        return self.m


def _w(en: str, m: str, f: str = "", p: str = "") -> Word:
    return Word(en, m, f, p)


def _ka(en: str, hi_stem: str, noun: str = "") -> Word:
    """'Sheesham wood' -> शीशम की लकड़ी का / की / के. `noun` is the direct form when the stem
    is oblique (चमड़े का, but the material is चमड़ा)."""
    return Word(en, f"{hi_stem} का", f"{hi_stem} की", f"{hi_stem} के", noun or hi_stem)


def _vala(en: str, hi_stem: str) -> Word:
    """A design phrase: 'jaali work' -> जाली काम वाला / वाली / वाले (placed before the noun)."""
    return Word(en, f"{hi_stem} वाला", f"{hi_stem} वाली", f"{hi_stem} वाले")


# Qualifier sets. Colours and materials go before the noun in both languages; designs follow the
# noun in English ("… with jaali work") and precede it in Hindi ("जाली काम वाला …").
COLOURS: dict[str, tuple[Word, ...]] = {
    "pastel": (
        _w("ivory", "आइवरी"),
        _w("white", "सफ़ेद"),
        _w("powder blue", "आसमानी"),
        _w("mint green", "पिस्ता हरा", "पिस्ता हरी", "पिस्ता हरे"),
        _w("peach", "पीच"),
        _w("pink", "गुलाबी"),
        _w("lavender", "लैवेंडर"),
        _w("lemon yellow", "नींबू पीला", "नींबू पीली", "नींबू पीले"),
        _w("beige", "बेज"),
        _w("sea green", "समुद्री हरा", "समुद्री हरी", "समुद्री हरे"),
    ),
    "rich": (
        _w("maroon", "मैरून"),
        _w("red", "लाल"),
        _w("royal blue", "गहरा नीला", "गहरी नीली", "गहरे नीले"),
        _w("bottle green", "गहरा हरा", "गहरी हरी", "गहरे हरे"),
        _w("mustard", "सरसों पीला", "सरसों पीली", "सरसों पीले"),
        _w("magenta", "रानी रंग का", "रानी रंग की", "रानी रंग के"),
        _w("purple", "बैंगनी"),
        _w("peacock blue", "मोरपंखी"),
        _w("black", "काला", "काली", "काले"),
        _w("orange", "नारंगी"),
        _w("wine", "वाइन रंग का", "वाइन रंग की", "वाइन रंग के"),
        _w("gold", "सुनहरा", "सुनहरी", "सुनहरे"),
    ),
    "earthy": (
        _w("indigo", "नीला", "नीली", "नीले"),
        _w("rust", "कत्थई"),
        _w("deep red", "गहरा लाल", "गहरी लाल", "गहरे लाल"),
        _w("natural", "प्राकृतिक रंग का", "प्राकृतिक रंग की", "प्राकृतिक रंग के"),
        _w("olive", "जैतूनी"),
        _w("ochre", "गेरुआ", "गेरुई", "गेरुए"),
        _w("charcoal", "स्लेटी"),
        _w("teal", "मोरपंखी"),
        _w("brown", "भूरा", "भूरी", "भूरे"),
        _w("cream", "क्रीम रंग का", "क्रीम रंग की", "क्रीम रंग के"),
    ),
    "leather": (
        _w("tan", "टैन"),
        _w("dark brown", "गहरा भूरा", "गहरी भूरी", "गहरे भूरे"),
        _w("black", "काला", "काली", "काले"),
        _w("chestnut", "हल्का भूरा", "हल्की भूरी", "हल्के भूरे"),
        _w("maroon", "मैरून"),
        _w("olive", "जैतूनी"),
    ),
    "glass": (
        _w("ruby red", "माणिक लाल"),
        _w("emerald green", "पन्ना हरा", "पन्ना हरी", "पन्ना हरे"),
        _w("cobalt blue", "गहरा नीला", "गहरी नीली", "गहरे नीले"),
        _w("amber", "शहद रंग का", "शहद रंग की", "शहद रंग के"),
        _w("clear", "पारदर्शी"),
        _w("gold-dusted", "सुनहरे बुरादे वाला", "सुनहरे बुरादे वाली", "सुनहरे बुरादे वाले"),
        _w("rani pink", "रानी गुलाबी"),
        _w("turquoise", "फ़िरोज़ी"),
    ),
    "toy": (
        _w("red", "लाल"),
        _w("yellow", "पीला", "पीली", "पीले"),
        _w("green", "हरा", "हरी", "हरे"),
        _w("blue", "नीला", "नीली", "नीले"),
        _w("multicolour", "रंग-बिरंगा", "रंग-बिरंगी", "रंग-बिरंगे"),
        _w("pink", "गुलाबी"),
        _w("orange", "नारंगी"),
    ),
}

MATERIALS: dict[str, tuple[Word, ...]] = {
    "wood": (
        _ka("sheesham wood", "शीशम की लकड़ी"),
        _ka("mango wood", "आम की लकड़ी"),
        _ka("teak wood", "सागौन की लकड़ी"),
        _ka("neem wood", "नीम की लकड़ी"),
    ),
    "furniture_wood": (
        _ka("sheesham", "शीशम"),
        _ka("teak", "सागौन"),
        _ka("sal wood", "साल की लकड़ी"),
    ),
    "leather_kind": (
        _ka("full-grain leather", "फ़ुल-ग्रेन चमड़े", "फ़ुल-ग्रेन चमड़ा"),
        _ka("buffalo leather", "भैंस के चमड़े", "भैंस का चमड़ा"),
        _ka("goat leather", "बकरी के चमड़े", "बकरी का चमड़ा"),
        _ka("vegetable-tanned leather", "वेजिटेबल टैन्ड चमड़े", "वेजिटेबल टैन्ड चमड़ा"),
    ),
    "fabric": (
        _ka("cotton", "सूती कपड़े", "सूती कपड़ा"),
        _ka("khadi", "खादी"),
        _ka("cotton-linen", "कॉटन-लिनेन"),
    ),
    "wool": (
        _ka("New Zealand wool", "न्यूज़ीलैंड ऊन"),
        _ka("Indian wool", "देसी ऊन"),
        _ka("wool and silk", "ऊन-रेशम"),
    ),
}

DESIGNS: dict[str, tuple[Word, ...]] = {
    "chikan": (
        _vala("jaali work", "जाली काम"),
        _vala("phanda knots", "फंदा टाँकों"),
        _vala("shadow work", "बखिया (शैडो वर्क)"),
        _vala("keel kangan stitch", "कील-कंगन टाँकों"),
        _vala("floral buti", "फूल-बूटी"),
    ),
    "zari": (
        _vala("gold zari", "सुनहरी ज़री"),
        _vala("silver zari", "रुपहली ज़री"),
        _vala("sequin and dabka work", "सितारों और दबके के काम"),
        _vala("pearl work", "मोती के काम"),
    ),
    "banarasi": (
        _vala("kadhua buti", "कढ़ुआ बूटी"),
        _vala("jangla pattern", "जंगला डिज़ाइन"),
        _vala("meenakari weave", "मीनाकारी बुनाई"),
        _vala("shikargah motifs", "शिकारगाह डिज़ाइन"),
        _vala("paisley border", "कैरी बॉर्डर"),
    ),
    "block": (
        _vala("floral block print", "फूलदार ठप्पा छपाई"),
        _vala("paisley print", "कैरी छपाई"),
        _vala("bagh-style print", "बाग़ शैली की छपाई"),
        _vala("geometric print", "ज्यामितीय छपाई"),
    ),
    "carpet": (
        _vala("Persian medallion", "ईरानी मेडलियन डिज़ाइन"),
        _vala("floral trellis", "फूलों की बेल"),
        _vala("tree of life", "जीवन-वृक्ष डिज़ाइन"),
        _vala("geometric border", "ज्यामितीय बॉर्डर"),
        _vala("Kashan design", "काशान डिज़ाइन"),
    ),
    "dari": (
        _vala("stripes", "धारियों"),
        _vala("chevron pattern", "लहरिया डिज़ाइन"),
        _vala("diamond pattern", "चौकोर डिज़ाइन"),
        _vala("tribal motifs", "आदिवासी डिज़ाइन"),
    ),
    "pottery": (
        _vala("hand painting", "हाथ की चित्रकारी"),
        _vala("floral motifs", "फूलों के डिज़ाइन"),
        _vala("lattice pattern", "जाली डिज़ाइन"),
    ),
    "tarkashi": (
        _vala("brass-wire inlay", "पीतल के तार की जड़ाई"),
        _vala("peacock motif", "मोर डिज़ाइन"),
        _vala("geometric inlay", "ज्यामितीय जड़ाई"),
    ),
    "metal_finish": (
        _vala("antique finish", "एंटीक फ़िनिश"),
        _vala("mirror polish", "चमकदार पॉलिश"),
        _vala("hand etching", "हाथ की नक़्क़ाशी"),
        _vala("enamel work", "मीनाकारी"),
    ),
    "embroidery": (
        _vala("mirror work", "शीशे के काम"),
        _vala("kantha stitch", "कांथा टाँकों"),
        _vala("appliqué flowers", "ऐप्लिक फूलों"),
    ),
}


@dataclass(frozen=True)
class Option:
    """One variant choice: labels, the size code, and price/weight relative to the base (%)."""

    en: str
    hi: str
    size: str = ""
    price_pct: int = 100
    weight_pct: int = 100


def _opt(en: str, hi: str, size: str = "", price: int = 100, weight: int = 100) -> Option:
    return Option(en, hi, size, price, weight)


VARIANT_SETS: dict[str, tuple[Option, ...]] = {
    "one": (_opt("Standard", "स्टैंडर्ड"),),
    "apparel": (
        _opt("Size S", "साइज़ S", "S"),
        _opt("Size M", "साइज़ M", "M"),
        _opt("Size L", "साइज़ L", "L"),
        _opt("Size XL", "साइज़ XL", "XL", 104, 105),
        _opt("Size XXL", "साइज़ XXL", "XXL", 108, 110),
    ),
    "kids": (
        _opt("2–3 years", "2–3 साल", "2-3Y", 100, 100),
        _opt("4–5 years", "4–5 साल", "4-5Y", 110, 115),
        _opt("6–7 years", "6–7 साल", "6-7Y", 120, 130),
        _opt("8–9 years", "8–9 साल", "8-9Y", 130, 145),
    ),
    "free": (_opt("Free size", "फ़्री साइज़", "FS"),),
    "saree": (
        _opt("With blouse piece", "ब्लाउज़ पीस के साथ", "6.3m"),
        _opt("Without blouse piece", "बिना ब्लाउज़ पीस", "5.5m", 92, 90),
    ),
    "bed": (
        _opt("Single, 150 × 225 cm", "सिंगल, 150 × 225 सेमी", "single", 70, 65),
        _opt("Double, 225 × 250 cm", "डबल, 225 × 250 सेमी", "double"),
        _opt("King, 270 × 270 cm", "किंग साइज़, 270 × 270 सेमी", "king", 128, 125),
    ),
    "cushion": (
        _opt("Set of 2, 40 × 40 cm", "2 का सेट, 40 × 40 सेमी", "2x40"),
        _opt("Set of 5, 40 × 40 cm", "5 का सेट, 40 × 40 सेमी", "5x40", 230, 250),
    ),
    "rug": (
        _opt("2 × 3 ft", "2 × 3 फ़ुट", "2x3"),
        _opt("3 × 5 ft", "3 × 5 फ़ुट", "3x5", 235, 250),
        _opt("4 × 6 ft", "4 × 6 फ़ुट", "4x6", 370, 400),
        _opt("5 × 8 ft", "5 × 8 फ़ुट", "5x8", 600, 660),
    ),
    "object": (
        _opt("Small", "छोटा आकार", "S"),
        _opt("Medium", "मध्यम आकार", "M", 150, 160),
        _opt("Large", "बड़ा आकार", "L", 220, 250),
    ),
    "metre": (
        _opt("1 metre", "1 मीटर", "1m"),
        _opt("2.5 metres", "2.5 मीटर", "2.5m", 240, 250),
        _opt("5 metres", "5 मीटर", "5m", 460, 500),
    ),
    "set": (
        _opt("Set of 2", "2 का सेट", "2"),
        _opt("Set of 4", "4 का सेट", "4", 185, 200),
        _opt("Set of 6", "6 का सेट", "6", 260, 300),
    ),
    "count": (
        _opt("1 piece", "1 पीस", "1"),
        _opt("Pack of 2", "2 पीस का पैक", "2", 190, 200),
        _opt("Pack of 4", "4 पीस का पैक", "4", 360, 400),
    ),
    "pack": (
        _opt("250 g", "250 ग्राम", "250g"),
        _opt("500 g", "500 ग्राम", "500g", 185, 200),
        _opt("1 kg", "1 किलो", "1kg", 350, 400),
    ),
    "bulk": (
        _opt("1 kg", "1 किलो", "1kg"),
        _opt("2 kg", "2 किलो", "2kg", 190, 200),
        _opt("5 kg", "5 किलो", "5kg", 450, 500),
    ),
    "small_pack": (
        _opt("50 g", "50 ग्राम", "50g"),
        _opt("100 g", "100 ग्राम", "100g", 185, 200),
        _opt("250 g", "250 ग्राम", "250g", 430, 500),
    ),
    "liquid": (
        _opt("500 ml", "500 मि.ली.", "500ml"),
        _opt("1 litre", "1 लीटर", "1l", 190, 200),
        _opt("2 litres", "2 लीटर", "2l", 370, 400),
    ),
    "attar": (
        _opt("6 ml", "6 मि.ली.", "6ml"),
        _opt("12 ml", "12 मि.ली.", "12ml", 185, 170),
        _opt("25 ml", "25 मि.ली.", "25ml", 350, 300),
    ),
    "oil": (
        _opt("15 ml", "15 मि.ली.", "15ml"),
        _opt("30 ml", "30 मि.ली.", "30ml", 180, 170),
        _opt("100 ml", "100 मि.ली.", "100ml", 520, 450),
    ),
    "incense": (
        _opt("1 box, 100 g", "1 डिब्बा, 100 ग्राम", "1x100g"),
        _opt("3 boxes, 100 g each", "3 डिब्बे, 100-100 ग्राम", "3x100g", 270, 300),
    ),
    "footwear": tuple(
        _opt(f"UK {size}", f"साइज़ {size} (UK)", f"UK{size}") for size in range(5, 11)
    ),
    "bangles": (
        _opt("Size 2.4", "साइज़ 2.4", "2.4"),
        _opt("Size 2.6", "साइज़ 2.6", "2.6"),
        _opt("Size 2.8", "साइज़ 2.8", "2.8"),
        _opt("Size 2.10", "साइज़ 2.10", "2.10"),
    ),
    "flute": (
        _opt("A scale, 16 in", "A स्केल, 16 इंच", "A16", 90, 80),
        _opt("C scale, 19 in", "C स्केल, 19 इंच", "C19"),
        _opt("G bass, 30 in", "G बेस, 30 इंच", "G30", 165, 180),
    ),
    "drum": (
        _opt("16 in", "16 इंच", "16in", 80, 75),
        _opt("18 in", "18 इंच", "18in"),
        _opt("21 in", "21 इंच", "21in", 125, 130),
    ),
    "bat": (
        _opt("Size 5", "साइज़ 5", "5", 85, 85),
        _opt("Size 6", "साइज़ 6", "6", 92, 92),
        _opt("Full size (SH)", "फ़ुल साइज़ (SH)", "SH"),
    ),
    "ring": tuple(
        _opt(f"Ring size {size}", f"अंगूठी साइज़ {size}", str(size)) for size in range(12, 20, 2)
    ),
    "cooker": (
        _opt("3 litres", "3 लीटर", "3l"),
        _opt("5 litres", "5 लीटर", "5l", 130, 135),
        _opt("8 litres", "8 लीटर", "8l", 175, 180),
    ),
    "pot": (
        _opt("1 litre", "1 लीटर", "1l"),
        _opt("2 litres", "2 लीटर", "2l", 150, 160),
        _opt("3 litres", "3 लीटर", "3l", 200, 215),
    ),
}


@dataclass(frozen=True)
class CategoryDefaults:
    """Plausible shipping weight and box size of a typical item, and its usual variant set."""

    weight_grams: int
    dims_mm: tuple[int, int, int]
    variants: str


CATEGORY_DEFAULTS: dict[str, CategoryDefaults] = {
    "sarees-silk": CategoryDefaults(750, (350, 280, 40), "saree"),
    "clothing": CategoryDefaults(350, (320, 260, 30), "apparel"),
    "home-textiles": CategoryDefaults(900, (400, 300, 60), "bed"),
    "carpets-durries": CategoryDefaults(2200, (700, 200, 200), "rug"),
    "pottery-glass": CategoryDefaults(900, (250, 250, 250), "object"),
    "wood-furniture": CategoryDefaults(1100, (300, 200, 120), "object"),
    "metal-brass": CategoryDefaults(700, (200, 200, 200), "object"),
    "leather-footwear": CategoryDefaults(700, (320, 220, 100), "one"),
    "natural-fibre": CategoryDefaults(450, (300, 300, 150), "object"),
    "food-agro": CategoryDefaults(550, (200, 150, 80), "pack"),
    "perfumes-incense": CategoryDefaults(120, (100, 60, 60), "attar"),
    "toys-sports": CategoryDefaults(400, (250, 200, 100), "one"),
    "art-stone-tribal": CategoryDefaults(500, (250, 200, 100), "one"),
    "musical-instruments": CategoryDefaults(2500, (600, 300, 300), "one"),
    "hardware-tools": CategoryDefaults(900, (250, 150, 80), "count"),
}
