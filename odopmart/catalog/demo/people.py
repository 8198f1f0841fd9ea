"""Names and life stories for demo artisans, in English and Hindi.

First names and surnames are those common in Uttar Pradesh's craft communities, Hindu and
Muslim, women and men. Surnames follow the craft where a community is known for it (Prajapati
potters, Ansari weavers, Kasera brass-smiths, Saifi wood and metal workers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Name = tuple[str, str]  # (English, Hindi)

FIRST_NAMES: dict[tuple[str, str], tuple[Name, ...]] = {
    ("hindu", "f"): (
        ("Sunita", "सुनीता"),
        ("Geeta", "गीता"),
        ("Kamla", "कमला"),
        ("Savitri", "सावित्री"),
        ("Rekha", "रेखा"),
        ("Pushpa", "पुष्पा"),
        ("Meena", "मीना"),
        ("Anita", "अनीता"),
        ("Suman", "सुमन"),
        ("Radha", "राधा"),
        ("Kusum", "कुसुम"),
        ("Shanti", "शांति"),
        ("Usha", "उषा"),
        ("Manju", "मंजू"),
        ("Saroj", "सरोज"),
        ("Poonam", "पूनम"),
        ("Lakshmi", "लक्ष्मी"),
        ("Sarita", "सरिता"),
        ("Urmila", "उर्मिला"),
        ("Kiran", "किरन"),
        ("Neelam", "नीलम"),
        ("Asha", "आशा"),
        ("Mamta", "ममता"),
        ("Sangeeta", "संगीता"),
        ("Pooja", "पूजा"),
        ("Priyanka", "प्रियंका"),
        ("Shobha", "शोभा"),
        ("Rajkumari", "राजकुमारी"),
    ),
    ("hindu", "m"): (
        ("Ramesh", "रमेश"),
        ("Suresh", "सुरेश"),
        ("Rajesh", "राजेश"),
        ("Mahesh", "महेश"),
        ("Shyam Lal", "श्याम लाल"),
        ("Ram Prakash", "राम प्रकाश"),
        ("Rajendra", "राजेंद्र"),
        ("Santosh", "संतोष"),
        ("Dinesh", "दिनेश"),
        ("Mukesh", "मुकेश"),
        ("Anil", "अनिल"),
        ("Vijay", "विजय"),
        ("Shiv Kumar", "शिव कुमार"),
        ("Om Prakash", "ओम प्रकाश"),
        ("Harish", "हरीश"),
        ("Manoj", "मनोज"),
        ("Pradeep", "प्रदीप"),
        ("Kailash", "कैलाश"),
        ("Jagdish", "जगदीश"),
        ("Sunil", "सुनील"),
        ("Ashok", "अशोक"),
        ("Raju", "राजू"),
        ("Brijesh", "बृजेश"),
        ("Devendra", "देवेंद्र"),
        ("Gopal", "गोपाल"),
        ("Kamlesh", "कमलेश"),
        ("Rakesh", "राकेश"),
        ("Bhola Nath", "भोला नाथ"),
        ("Hari Shankar", "हरि शंकर"),
    ),
    ("muslim", "f"): (
        ("Rukhsana", "रुख़साना"),
        ("Shabana", "शबाना"),
        ("Nasreen", "नसरीन"),
        ("Farzana", "फ़रज़ाना"),
        ("Shabnam", "शबनम"),
        ("Rehana", "रेहाना"),
        ("Nazia", "नाज़िया"),
        ("Parveen", "परवीन"),
        ("Salma", "सलमा"),
        ("Zubaida", "ज़ुबैदा"),
        ("Shahnaz", "शहनाज़"),
        ("Naseem", "नसीम"),
        ("Ayesha", "आयशा"),
        ("Fatima", "फ़ातिमा"),
        ("Razia", "रज़िया"),
        ("Tabassum", "तबस्सुम"),
        ("Ishrat", "इशरत"),
        ("Gulnaz", "गुलनाज़"),
        ("Anjum", "अंजुम"),
        ("Sabiha", "सबीहा"),
        ("Sultana", "सुल्ताना"),
        ("Mehrunnisa", "मेहरुन्निसा"),
        ("Noorjahan", "नूरजहाँ"),
    ),
    ("muslim", "m"): (
        ("Mohammad Salim", "मोहम्मद सलीम"),
        ("Abdul Rashid", "अब्दुल रशीद"),
        ("Shahid", "शाहिद"),
        ("Irfan", "इरफ़ान"),
        ("Imran", "इमरान"),
        ("Mohammad Arif", "मोहम्मद आरिफ़"),
        ("Rafiq", "रफ़ीक़"),
        ("Anwar", "अनवर"),
        ("Iqbal", "इक़बाल"),
        ("Jameel", "जमील"),
        ("Shakeel", "शकील"),
        ("Wasim", "वसीम"),
        ("Zakir", "ज़ाकिर"),
        ("Nadeem", "नदीम"),
        ("Akhtar", "अख़्तर"),
        ("Sabir", "साबिर"),
        ("Mustaqeem", "मुस्तक़ीम"),
        ("Naushad", "नौशाद"),
        ("Shamim", "शमीम"),
        ("Abdul Hameed", "अब्दुल हमीद"),
        ("Mohammad Yunus", "मोहम्मद यूनुस"),
        ("Haroon", "हारून"),
        ("Javed", "जावेद"),
    ),
}

_GENERAL_HINDU: tuple[Name, ...] = (
    ("Verma", "वर्मा"),
    ("Gupta", "गुप्ता"),
    ("Yadav", "यादव"),
    ("Maurya", "मौर्य"),
    ("Kushwaha", "कुशवाहा"),
    ("Pal", "पाल"),
    ("Singh", "सिंह"),
    ("Chaurasia", "चौरसिया"),
    ("Rajbhar", "राजभर"),
    ("Nishad", "निषाद"),
    ("Saini", "सैनी"),
    ("Kashyap", "कश्यप"),
    ("Sharma", "शर्मा"),
    ("Mishra", "मिश्रा"),
    ("Tiwari", "तिवारी"),
    ("Srivastava", "श्रीवास्तव"),
)
_GENERAL_MUSLIM: tuple[Name, ...] = (
    ("Khan", "ख़ान"),
    ("Ahmad", "अहमद"),
    ("Siddiqui", "सिद्दीक़ी"),
    ("Qureshi", "क़ुरैशी"),
    ("Hussain", "हुसैन"),
    ("Sheikh", "शेख़"),
    ("Ali", "अली"),
    ("Mansuri", "मंसूरी"),
)

# Community surnames by craft family; the general lists are mixed in so no family is uniform.
SURNAMES: dict[str, dict[str, tuple[Name, ...]]] = {
    "embroidery": {
        "hindu": (("Srivastava", "श्रीवास्तव"), ("Verma", "वर्मा"), ("Rastogi", "रस्तोगी")),
        "muslim": (
            ("Ansari", "अंसारी"),
            ("Idrisi", "इदरीसी"),
            ("Siddiqui", "सिद्दीक़ी"),
            ("Rizvi", "रिज़वी"),
        ),
    },
    "weaving": {
        "hindu": (("Maurya", "मौर्य"), ("Kori", "कोरी"), ("Pal", "पाल"), ("Patel", "पटेल")),
        "muslim": (("Ansari", "अंसारी"), ("Momin", "मोमिन")),
    },
    "carpet": {
        "hindu": (("Maurya", "मौर्य"), ("Bind", "बिंद"), ("Pal", "पाल"), ("Yadav", "यादव")),
        "muslim": (("Ansari", "अंसारी"), ("Khan", "ख़ान")),
    },
    "pottery": {
        "hindu": (("Prajapati", "प्रजापति"), ("Kumhar", "कुम्हार")),
        "muslim": (("Kumhar", "कुम्हार"), ("Ansari", "अंसारी")),
    },
    "metal": {
        "hindu": (
            ("Kasera", "कसेरा"),
            ("Tamrakar", "ताम्रकार"),
            ("Vishwakarma", "विश्वकर्मा"),
            ("Soni", "सोनी"),
        ),
        "muslim": (("Saifi", "सैफ़ी"), ("Ansari", "अंसारी"), ("Qureshi", "क़ुरैशी")),
    },
    "wood": {
        "hindu": (("Vishwakarma", "विश्वकर्मा"), ("Sharma", "शर्मा"), ("Jangid", "जांगिड़")),
        "muslim": (("Saifi", "सैफ़ी"), ("Idrisi", "इदरीसी"), ("Ansari", "अंसारी")),
    },
    "leather": {
        "hindu": (("Jatav", "जाटव"), ("Kureel", "कुरील"), ("Gautam", "गौतम")),
        "muslim": (("Qureshi", "क़ुरैशी"), ("Ansari", "अंसारी")),
    },
    "fibre": {
        "hindu": (("Nishad", "निषाद"), ("Pasi", "पासी"), ("Maurya", "मौर्य")),
        "muslim": (("Ansari", "अंसारी"),),
    },
    "farm": {
        "hindu": (
            ("Yadav", "यादव"),
            ("Kushwaha", "कुशवाहा"),
            ("Patel", "पटेल"),
            ("Tyagi", "त्यागी"),
            ("Baliyan", "बालियान"),
            ("Chaudhary", "चौधरी"),
        ),
        "muslim": (("Qureshi", "क़ुरैशी"), ("Khan", "ख़ान")),
    },
    "trade": {
        "hindu": (
            ("Gupta", "गुप्ता"),
            ("Agarwal", "अग्रवाल"),
            ("Dixit", "दीक्षित"),
            ("Pandey", "पाण्डेय"),
        ),
        "muslim": (("Siddiqui", "सिद्दीक़ी"), ("Ansari", "अंसारी")),
    },
    "tribal": {
        "hindu": (
            ("Rana", "राणा"),
            ("Chaudhary", "चौधरी"),
            ("Tharu", "थारू"),
            ("Kathariya", "कठरिया"),
        ),
        "muslim": (),
    },
    "general": {"hindu": (), "muslim": ()},
}

# Women's surnames as they are often recorded in villages.
_WOMEN_HINDU: tuple[Name, ...] = (("Devi", "देवी"),)
_WOMEN_MUSLIM: tuple[Name, ...] = (("Bano", "बानो"), ("Khatoon", "ख़ातून"), ("Begum", "बेगम"))


@dataclass(frozen=True)
class PersonName:
    en: str
    hi: str
    first_en: str
    first_hi: str
    gender: str  # "f" or "m"


def person_name(rng: random.Random, *, community: str, muslim_percent: int) -> PersonName:
    religion = "muslim" if rng.randrange(100) < muslim_percent else "hindu"
    gender = rng.choice(("f", "m"))
    first_en, first_hi = rng.choice(FIRST_NAMES[(religion, gender)])
    family = SURNAMES.get(community, SURNAMES["general"])[religion]
    general = _GENERAL_MUSLIM if religion == "muslim" else _GENERAL_HINDU
    if gender == "f" and rng.randrange(100) < 40:
        pool = _WOMEN_MUSLIM if religion == "muslim" else _WOMEN_HINDU
    else:
        # Community names twice as likely as the general ones.
        pool = family + family + general
    last_en, last_hi = rng.choice(pool)
    return PersonName(f"{first_en} {last_en}", f"{first_hi} {last_hi}", first_en, first_hi, gender)


# --- stories --------------------------------------------------------------------------------

_RELATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # (English after "her"/"his", Hindi with the reflexive possessive)
    "f": (
        ("mother", "अपनी माँ"),
        ("grandmother", "अपनी दादी"),
        ("mother-in-law", "अपनी सास"),
        ("father", "अपने पिता"),
        ("aunt", "अपनी मौसी"),
    ),
    "m": (
        ("father", "अपने पिता"),
        ("grandfather", "अपने दादा"),
        ("uncle", "अपने चाचा"),
        ("mother", "अपनी माँ"),
        ("elder brother", "अपने बड़े भाई"),
    ),
}
_ORDINALS = (("second", "दूसरी"), ("third", "तीसरी"), ("fourth", "चौथी"), ("fifth", "पाँचवीं"))


def artisan_story(
    rng: random.Random,
    *,
    name: PersonName,
    craft_en: str,
    craft_hi: str,
    town: str,
    district_en: str,
    district_hi: str,
) -> tuple[str, str]:
    """A short story in English and Hindi; the Hindi is written for Hindi readers, not translated
    word for word (it names the district, since post-office names have no Hindi spelling here)."""
    f = name.gender == "f"
    she, her = ("She", "her") if f else ("He", "his")
    rahe = "रही" if f else "रहे"
    years = rng.randrange(6, 36)
    helpers = rng.randrange(3, 16)
    relation_en, relation_hi = rng.choice(_RELATIONS[name.gender])
    ordinal_en, ordinal_hi = rng.choice(_ORDINALS)
    first_en, first_hi = name.first_en, name.first_hi
    kind = rng.randrange(4)
    if kind == 0:
        en = (
            f"{first_en} has worked in {craft_en} for {years} years in {town}, {district_en}, "
            f"a skill learned from {her} {relation_en}. {she} now trains {helpers} younger "
            f"artisans from the neighbourhood."
        )
        hi = (
            f"{first_hi} पिछले {years} साल से {district_hi} में {craft_hi} का काम कर {rahe} हैं। "
            f"यह हुनर उन्होंने {relation_hi} से सीखा। आज वे आस-पड़ोस के {helpers} नए कारीगरों "
            f"को भी यह काम सिखा {rahe} हैं।"
        )
    elif kind == 1:
        en = (
            f"{first_en} works from home in {town}, {district_en}, and has been in {craft_en} "
            f"for {years} years. Selling online means {her} work now reaches buyers far beyond "
            f"{district_en}."
        )
        karte = "करती" if f else "करते"
        hi = (
            f"{first_hi} {district_hi} में अपने घर से ही {craft_hi} का काम {karte} हैं, और "
            f"{years} साल से यही कर {rahe} हैं। ऑनलाइन बिक्री से अब उनका काम {district_hi} से "
            f"बहुत दूर के ख़रीदारों तक पहुँच रहा है।"
        )
    elif kind == 2:
        jaate = "जानी जाती" if f else "जाने जाते"
        en = (
            f"{first_en} is the {ordinal_en} generation of a family of {craft_en} artisans in "
            f"{town}, {district_en}. {she} is known locally for fine, even finishing."
        )
        hi = (
            f"{first_hi} {district_hi} के {craft_hi} कारीगरों के परिवार की {ordinal_hi} पीढ़ी से "
            f"हैं। इलाक़े में वे अपनी बारीक और साफ़ फ़िनिशिंग के लिए {jaate} हैं।"
        )
    elif f:
        en = (
            f"After {years} years in {craft_en}, {first_en} now leads a self-help group of "
            f"{helpers} women artisans in {town}, {district_en}."
        )
        hi = (
            f"{years} साल से {craft_hi} का काम कर रही {first_hi} आज {district_hi} में "
            f"{helpers} महिला कारीगरों के एक स्वयं सहायता समूह की अगुआई करती हैं।"
        )
    else:
        en = (
            f"After {years} years in {craft_en}, {first_en} now runs a small workshop of "
            f"{helpers} artisans in {town}, {district_en}."
        )
        hi = (
            f"{years} साल से {craft_hi} का काम कर रहे {first_hi} आज {district_hi} में "
            f"{helpers} कारीगरों की एक छोटी कार्यशाला चलाते हैं।"
        )
    return en, hi
