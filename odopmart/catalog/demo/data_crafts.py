"""Demo crafts: pottery and glass, wood, metal, stone, fibre, toys, instruments, perfume."""

from __future__ import annotations

from odopmart.catalog.demo.crafts import WEAVERS, WORKSHOPS, Craft, T

# fmt: off
STONE_AGRA = Craft(
    key="agra-stone", odop_names=("Stone & marble handicrafts",), category="art-stone-tribal",
    motif="stone", palettes=("slate", "teal", "walnut"), community="general", muslim_percent=55,
    story=("marble inlay", "संगमरमर पच्चीकारी"), material=("Makrana marble", "मकराना संगमरमर"),
    technique=("Pietra dura inlay", "पच्चीकारी"), hsn="6802",
    about=(
        "Agra's pietra dura artisans, heirs to the Taj Mahal's inlayers, set cut stones into "
        "marble.",
        "ताजमहल के कारीगरों के वारिस, आगरा के पच्चीकार संगमरमर में तराशे पत्थर जड़ते हैं।",
    ),
    templates=(
        T("Marble inlay coaster set", "संगमरमर पच्चीकारी कोस्टर सेट", "m", (699, 2499),
          "Six coasters in a matching holder.", "मेल खाते स्टैंड के साथ छह कोस्टर।", "",
          weight_grams=900, dims_mm=(150, 150, 100)),
        T("Marble inlay jewellery box", "संगमरमर पच्चीकारी गहनों का डिब्बा", "m", (999, 4999),
          "A hinged box with semi-precious stone inlay on the lid.",
          "ढक्कन पर कीमती पत्थरों की जड़ाई वाला क़ब्ज़ेदार डिब्बा।", "", variants="object",
          weight_grams=700, dims_mm=(150, 100, 80)),
        T("Marble inlay serving tray", "संगमरमर पच्चीकारी ट्रे", "f", (1999, 7999),
          "A flat marble tray with floral inlay.", "फूलों की जड़ाई वाली संगमरमर की ट्रे।", "",
          weight_grams=2500, dims_mm=(350, 250, 40)),
        T("Soapstone elephant", "सोपस्टोन हाथी", "m", (499, 1999),
          "A hand-carved elephant with a baby elephant inside.",
          "भीतर बच्चे हाथी वाला हाथ से तराशा हाथी।", "", variants="object", weight_grams=600,
          dims_mm=(120, 80, 100), material=("Soapstone", "सोपस्टोन")),
    ),
)

MOONJ = Craft(
    key="moonj", odop_names=("Moonj Products",), category="natural-fibre", motif="fibre",
    palettes=("saffron", "leaf", "terracotta"), community="fibre", muslim_percent=20,
    vendors=WEAVERS, story=("moonj weaving", "मूंज"), material=("Moonj grass", "मूंज घास"),
    technique=("Coiling and stitching", "लपेटकर सिलाई"), hsn="4602",
    about=(
        "Moonj grass from the Ganga banks is coiled and stitched by women into baskets that last "
        "years.",
        "गंगा किनारे की मूंज घास को महिलाएँ लपेटकर और सिलकर बरसों चलने वाली टोकरियाँ बनाती हैं।",
    ),
    templates=(
        T("Moonj basket with lid", "ढक्कन वाली मूंज की {q}डलिया", "f", (299, 999),
          "A coiled storage basket with a snug lid.", "कसे ढक्कन वाली लपेटकर बनी डलिया।",
          "colour:earthy"),
        T("Moonj fruit basket", "मूंज की {q}फल टोकरी", "f", (249, 799),
          "An open bowl-shaped basket for the dining table.",
          "खाने की मेज़ के लिए खुली कटोरीनुमा टोकरी।", "colour:earthy"),
        T("Moonj roti box", "मूंज का {q}रोटी डिब्बा", "m", (299, 899), "Keeps rotis soft and warm.",
          "रोटियों को नरम और गरम रखता है।", "colour:earthy", variants="one"),
        T("Moonj table mats", "मूंज की {q}टेबल मैट", "fp", (349, 999),
          "Round table mats, wipe clean.", "गोल टेबल मैट, पोंछकर साफ़।", "colour:earthy",
          variants="set", hsn="4601", weight_grams=300),
        T("Moonj coasters", "मूंज के {q}कोस्टर", "mp", (149, 449),
          "Small coiled coasters for cups and glasses.", "कप और गिलास के लिए छोटे कोस्टर।",
          "colour:earthy", variants="set", hsn="4601", weight_grams=120),
    ),
)

DHOLAK = Craft(
    key="dholak", odop_names=("Musical Instruments (Dholak)",), category="musical-instruments",
    motif="music", palettes=("madder", "walnut", "saffron"), community="wood", muslim_percent=80,
    story=("dholak making", "ढोलक"), material=("Mango wood and goatskin", "आम की लकड़ी और खाल"),
    technique=("Hand turned and laced", "हाथ से खराद और कसाई"), hsn="9206", variants="drum",
    about=(
        "Amroha's dholak makers hollow mango and sheesham logs and lace goatskin heads by hand.",
        "अमरोहा के कारीगर आम और शीशम के तने खोखले कर, बकरी की खाल की पूड़ी हाथ से कसते हैं।",
    ),
    templates=(
        T("Sheesham wood dholak", "शीशम की ढोलक", "f", (2499, 6999),
          "A rope-tuned dholak with a rich, deep tone.", "रस्सी से कसी, गहरी आवाज़ वाली ढोलक।", ""),
        T("Mango wood dholak", "आम की लकड़ी की ढोलक", "f", (1499, 3999),
          "A light dholak for bhajans and sangeet.", "भजन और संगीत के लिए हल्की ढोलक।", ""),
        T("Bolt-tuned dholak", "नट-बोल्ट वाली ढोलक", "f", (2999, 7999),
          "A dholak tuned with steel bolts, easy to keep in tune.",
          "स्टील के बोल्ट से कसी, आसानी से सुर में रहने वाली ढोलक।", ""),
        T("Children's {q}dholak", "बच्चों की {q}ढोलक", "f", (499, 1299),
          "A small, light dholak for young players.", "छोटे बच्चों के लिए हल्की ढोलक।",
          "colour:toy", variants="one", weight_grams=900, dims_mm=(320, 200, 200)),
    ),
)

AMROHA_HANDICRAFT = Craft(
    key="amroha-handicraft", odop_names=("Metal and wooden handicrafts",), category="metal-brass",
    motif="metal", palettes=("brass", "walnut"), community="metal", muslim_percent=70,
    story=("metal and wood craft", "धातु और लकड़ी"), material=("Wood and brass", "लकड़ी और पीतल"),
    hsn="8306",
    about=(
        "Amroha's workshops combine wood and brass in small decorative pieces.",
        "अमरोहा की कार्यशालाएँ लकड़ी और पीतल को मिलाकर छोटी सजावटी चीज़ें बनाती हैं।",
    ),
    technique=(
        "Hand carving and brass fitting",
        "हाथ की नक़्क़ाशी और पीतल जड़ाई",
    ),
    templates=(
        T("Brass-inlaid wooden box", "पीतल जड़ा लकड़ी का {q}डिब्बा", "m", (599, 1999),
          "A small box with brass strips set into the lid.",
          "ढक्कन में पीतल की पत्तियाँ जड़ा छोटा डिब्बा।", "", category="wood-furniture",
          hsn="4420"),
        T("Brass wall plate", "पीतल की {q}दीवार प्लेट", "f", (799, 2499),
          "A decorative plate with a hanging hook.", "टाँगने के हुक वाली सजावटी प्लेट।",
          "design:metal_finish"),
        T("Wood and brass candle stand", "लकड़ी और पीतल का {q}कैंडल स्टैंड", "m", (499, 1499),
          "A turned wooden stand with a brass cup.", "पीतल के कप वाला खराद का लकड़ी का स्टैंड।",
          ""),
    ),
)

BLACK_POTTERY = Craft(
    key="black-pottery", odop_names=("Black Pottery",), category="pottery-glass", motif="pottery",
    palettes=("slate", "brass"), community="pottery", muslim_percent=15,
    story=("black pottery", "काली मिट्टी के बर्तन"), material=("Clay", "मिट्टी"), hsn="6913",
    about=(
        "Nizamabad's black pottery is smoked to a deep shine and engraved with silver-coloured "
        "patterns.",
        "निज़ामाबाद की काली मिट्टी के बर्तन धुएँ में पकाकर चमकाए जाते हैं और उन पर चाँदी-से रंग "
        "के डिज़ाइन उकेरे जाते हैं।",
    ),
    technique=(
        "Smoke-fired and engraved",
        "धुएँ में पकाई और उकेरी",
    ),
    templates=(
        T("Black pottery vase", "काली मिट्टी का {q}फूलदान", "m", (499, 1999),
          "A glossy black vase with engraved silver lines.",
          "उकेरी रुपहली लकीरों वाला चमकदार काला फूलदान।", "design:pottery"),
        T("Black pottery tea set", "काली मिट्टी का {q}चाय सेट", "m", (1299, 3999),
          "A kettle, six cups and a tray.", "केतली, छह कप और ट्रे।", "", variants="one",
          weight_grams=2000, dims_mm=(350, 300, 200)),
        T("Black pottery bowl", "काली मिट्टी का {q}कटोरा", "m", (349, 999),
          "A decorative bowl for potpourri or dry fruits.",
          "सूखे मेवे या पॉटपुरी के लिए सजावटी कटोरा।", "design:pottery"),
        T("Black pottery decorative plate", "काली मिट्टी की {q}सजावटी प्लेट", "f", (399, 1299),
          "A wall or table plate with floral engraving.",
          "फूलों की नक़्क़ाशी वाली दीवार या मेज़ की प्लेट।", "design:pottery"),
    ),
)

WHEAT_STALK = Craft(
    key="wheat-stalk", odop_names=("Wheat-stalk Handicraft Products",), category="natural-fibre",
    motif="fibre", palettes=("saffron", "brass"), community="fibre", muslim_percent=30,
    story=("wheat-stalk craft", "गेहूं के डंठल"), material=("Wheat stalk", "गेहूं का डंठल"),
    technique=("Cut and pasted by hand", "हाथ से कटाई और चिपकाई"), hsn="4602",
    about=(
        "Bahraich's artisans split, iron and cut golden wheat stalks into pictures.",
        "बहराइच के कारीगर गेहूं के सुनहरे डंठलों को चीरकर, दबाकर और काटकर चित्र बनाते हैं।",
    ),
    templates=(
        T("Wheat-stalk wall painting", "गेहूं के डंठल की {q}वॉल पेंटिंग", "f", (699, 2999),
          "A framed picture made entirely of wheat stalk.",
          "पूरी तरह गेहूं के डंठल से बनी फ़्रेम वाली तस्वीर।", "", variants="object",
          weight_grams=800, dims_mm=(400, 300, 30)),
        T("Wheat-stalk greeting cards", "गेहूं के डंठल के {q}ग्रीटिंग कार्ड", "mp", (199, 599),
          "Cards with a wheat-stalk motif on handmade paper.",
          "हस्तनिर्मित काग़ज़ पर डंठल के डिज़ाइन वाले कार्ड।", "", variants="set",
          weight_grams=150),
        T("Wheat-stalk photo frame", "गेहूं के डंठल का {q}फ़ोटो फ़्रेम", "m", (349, 999),
          "A frame for a 5 × 7 inch photo.", "5 × 7 इंच की फ़ोटो के लिए फ़्रेम।", "",
          weight_grams=300),
    ),
)

BINDI = Craft(
    key="bindi", odop_names=("Bindi (Tikuli)",), category="clothing", motif="buti",
    palettes=("madder", "rose"), community="general", muslim_percent=25,
    story=("bindi making", "बिंदी"), material=("Velvet and glass stones", "मख़मल और काँच के नग"),
    technique=("Hand cut and set", "हाथ से कटाई और जड़ाई"), hsn="7117", variants="count",
    about=(
        "Ballia's bindi makers cut, colour and stone-set tikulis by hand.",
        "बलिया के कारीगर टिकुली को हाथ से काटते, रंगते और नग जड़ते हैं।",
    ),
    templates=(
        T("Velvet bindi pack", "मख़मली {q}बिंदी पैक", "m", (49, 149),
          "Ten sheets of velvet bindis in mixed sizes.",
          "अलग-अलग साइज़ की मख़मली बिंदियों के दस पत्ते।", "colour:rich", weight_grams=40,
          dims_mm=(120, 80, 10)),
        T("Bridal stone bindi set", "दुल्हन की {q}नग वाली बिंदी", "f", (99, 399),
          "Stone-set bindis for weddings.", "शादी के लिए नग जड़ी बिंदियाँ।", "colour:rich",
          weight_grams=40, dims_mm=(120, 80, 10)),
        T("Tikuli art wall plate", "टिकुली कला की {q}दीवार प्लेट", "f", (499, 1499),
          "A painted plate in the tikuli style.", "टिकुली शैली में रंगी प्लेट।", "", variants="one",
          category="art-stone-tribal", hsn="9701", weight_grams=500),
    ),
)

SHAJAR = Craft(
    key="shajar", odop_names=("Shajar Stone Craft",), category="art-stone-tribal", motif="stone",
    palettes=("walnut", "brass", "slate"), community="general", muslim_percent=60,
    story=("shajar stone cutting", "शजर पत्थर"),
    material=("Shajar stone (dendritic agate)", "शजर पत्थर"),
    technique=("Hand cut and polished", "हाथ से कटाई और घिसाई"), hsn="7116",
    about=(
        "Shajar is a Ken river agate with natural fern-like markings; Banda's cutters polish it "
        "by hand.",
        "शजर केन नदी का पत्थर है जिसमें कुदरती पेड़-पौधों जैसे निशान होते हैं; बांदा के कारीगर "
        "इसे हाथ से तराशते हैं।",
    ),
    templates=(
        T("Shajar stone pendant", "शजर पत्थर का {q}लॉकेट", "m", (499, 2499),
          "An oval shajar pendant in a silver-toned setting.",
          "रुपहले फ़्रेम में अंडाकार शजर लॉकेट।", "", weight_grams=60, dims_mm=(100, 80, 30)),
        T("Shajar stone ring", "शजर पत्थर की {q}अंगूठी", "f", (699, 2999),
          "A ring with a single polished shajar stone.", "एक घिसे हुए शजर पत्थर वाली अंगूठी।", "",
          variants="ring", weight_grams=40, dims_mm=(80, 60, 40)),
        T("Shajar stone cufflinks", "शजर पत्थर के {q}कफ़लिंक", "mp", (799, 2499),
          "A matched pair of cufflinks.", "मेल खाती कफ़लिंक की जोड़ी।", "", weight_grams=60,
          dims_mm=(90, 70, 35)),
        T("Shajar stone paperweight", "शजर पत्थर का {q}पेपरवेट", "m", (399, 1299),
          "A heavy polished paperweight for the desk.", "मेज़ के लिए भारी, घिसा हुआ पेपरवेट।", "",
          weight_grams=400, dims_mm=(100, 100, 60)),
    ),
)

WOOD_BAREILLY = Craft(
    key="bareilly-wood", odop_names=("Wooden products",), category="wood-furniture", motif="wood",
    palettes=("walnut", "leaf"), community="wood", muslim_percent=55, story=("woodwork", "लकड़ी"),
    material=("Mango wood", "आम की लकड़ी"), technique=("Hand finished", "हाथ की फ़िनिशिंग"),
    hsn="4419",
    about=(
        "Bareilly's carpenters make sturdy wooden kitchen and table ware.",
        "बरेली के बढ़ई रसोई और मेज़ के लिए मज़बूत लकड़ी का सामान बनाते हैं।",
    ),
    templates=(
        T("{q}serving tray", "{q}सर्विंग ट्रे", "f", (499, 1499),
          "A tray with cut-out handles, food-safe finish.",
          "कटे हत्थों वाली ट्रे, खाने के लिए सुरक्षित पॉलिश।", "material:wood"),
        T("{q}chopping board", "{q}चॉपिंग बोर्ड", "m", (299, 899),
          "A thick board that is kind to knives.", "चाकू की धार बचाने वाला मोटा बोर्ड।",
          "material:wood"),
        T("{q}spice box", "{q}मसालेदानी", "f", (599, 1599),
          "Seven spice bowls with a spoon, in a lidded box.",
          "चम्मच सहित सात कटोरियों वाला ढक्कनदार डिब्बा।", "material:wood", variants="one"),
    ),
)

WOOD_CRAFT = Craft(
    key="wood-craft", odop_names=("Wood Craft",), category="wood-furniture", motif="wood",
    palettes=("walnut", "terracotta", "leaf"), community="wood", muslim_percent=40,
    story=("wood craft", "काष्ठ शिल्प"), material=("Sheesham wood", "शीशम की लकड़ी"),
    technique=("Hand carving", "हाथ की नक़्क़ाशी"), hsn="4420",
    about=(
        "Woodworkers here carve and turn local timber into household pieces.",
        "यहाँ के काष्ठ शिल्पी स्थानीय लकड़ी को तराशकर और खरादकर घरेलू सामान बनाते हैं।",
    ),
    templates=(
        T("Carved {q}box", "नक़्क़ाशीदार {q}डिब्बा", "m", (499, 1999),
          "A lidded box with a carved floral top.", "फूलदार नक़्क़ाशी वाले ढक्कन का डिब्बा।",
          "material:wood"),
        T("{q}wall shelf", "{q}दीवार शेल्फ़", "f", (799, 2499),
          "A two-tier shelf with hidden brackets.", "छिपे ब्रैकेट वाली दो खानों की शेल्फ़।",
          "material:wood", variants="one", weight_grams=2200, dims_mm=(600, 200, 150)),
        T("{q}photo frame", "{q}फ़ोटो फ़्रेम", "m", (299, 999),
          "A carved frame for a 5 × 7 inch photo.", "5 × 7 इंच फ़ोटो के लिए नक़्क़ाशीदार फ़्रेम।",
          "material:wood", weight_grams=400),
        T("{q}pen stand", "{q}पेन स्टैंड", "m", (199, 699), "A turned pen stand for the desk.",
          "मेज़ के लिए खराद पर बना पेन स्टैंड।", "material:wood", variants="one", weight_grams=250,
          dims_mm=(120, 90, 90)),
    ),
)

RUSHES = Craft(
    key="rushes", odop_names=("Rushes (sarpat/moonj) and related products",),
    category="natural-fibre", motif="fibre", palettes=("leaf", "saffron"), community="fibre",
    muslim_percent=35, vendors=WEAVERS, story=("sarpat weaving", "सरपत"),
    material=("Sarpat reed", "सरपत"), technique=("Hand weaving", "हाथ की बुनाई"), hsn="4601",
    about=(
        "Sarpat reeds from Bijnor's river banks are woven into stools and mats.",
        "बिजनौर के नदी किनारों के सरपत से मूढ़े और चटाइयाँ बुनी जाती हैं।",
    ),
    templates=(
        T("Sarpat mooda stool", "सरपत का {q}मूढ़ा", "m", (699, 1999),
          "A light stool woven over a reed frame.", "सरकंडे के ढाँचे पर बुना हल्का मूढ़ा।", "",
          variants="one", weight_grams=2500, dims_mm=(400, 400, 450), category="wood-furniture",
          hsn="9401"),
        T("Reed floor mat", "सरपत की {q}चटाई", "f", (299, 999),
          "A roll-up mat for the floor or the terrace.", "फ़र्श या छत के लिए लपेटने लायक़ चटाई।",
          "", variants="object", weight_grams=1200),
        T("Sarpat storage basket", "सरपत की {q}टोकरी", "f", (249, 799), "A sturdy open basket.",
          "मज़बूत खुली टोकरी।", "", hsn="4602"),
    ),
)

KHURJA = Craft(
    key="khurja", odop_names=("Ceramic Products (Khurja pottery)",), category="pottery-glass",
    motif="pottery", palettes=("indigo", "teal", "terracotta"), community="pottery",
    muslim_percent=40, vendors=WORKSHOPS, story=("ceramics", "सिरेमिक"),
    material=("Glazed ceramic", "चमकदार सिरेमिक"), hsn="6912",
    about=(
        "Khurja's potteries have glazed ceramics for two centuries, famous for their blues.",
        "खुर्जा की भट्ठियाँ दो सौ साल से चमकदार सिरेमिक बना रही हैं; यहाँ के नीले रंग मशहूर हैं।",
    ),
    technique=(
        "Wheel thrown and hand painted",
        "चाक पर गढ़ा, हाथ से रंगा",
    ),
    templates=(
        T("Khurja ceramic mugs", "खुर्जा के {q}सिरेमिक मग", "mp", (399, 999),
          "Hand-painted mugs, microwave safe.", "हाथ से रंगे मग, माइक्रोवेव में सुरक्षित।",
          "design:pottery", variants="set", weight_grams=700),
        T("Khurja dinner set", "खुर्जा का {q}डिनर सेट", "m", (2499, 6999),
          "Plates, bowls and serving dishes for six.",
          "छह लोगों के लिए प्लेटें, कटोरियाँ और सर्विंग डोंगे।", "design:pottery", variants="one",
          weight_grams=9000, dims_mm=(450, 350, 300)),
        T("Ceramic planter", "सिरेमिक {q}गमला", "m", (349, 1299),
          "A glazed planter with a drainage hole.", "पानी निकलने के छेद वाला चमकदार गमला।",
          "design:pottery", variants="object", hsn="6913"),
        T("Ceramic serving bowl", "सिरेमिक {q}सर्विंग डोंगा", "m", (299, 899),
          "A deep bowl for dal and curries.", "दाल और सब्ज़ी के लिए गहरा डोंगा।", "design:pottery",
          variants="set"),
        T("Blue pottery vase", "नीली पॉटरी का {q}फूलदान", "m", (499, 1799),
          "A vase with cobalt-blue floral painting.", "गहरे नीले फूलों की चित्रकारी वाला फूलदान।",
          "", hsn="6913"),
    ),
)

WOODEN_TOYS = Craft(
    key="wooden-toys", odop_names=("Wooden Toys",), category="toys-sports", motif="toys",
    palettes=("saffron", "madder", "teal"), community="wood", muslim_percent=10,
    story=("wooden toy making", "लकड़ी के खिलौने"),
    material=("Wood, lac colours", "लकड़ी, लाख के रंग"), technique=("Lathe turned", "खराद पर गढ़ा"),
    hsn="9503",
    about=(
        "Chitrakoot's toy makers turn soft local wood on the lathe and colour it with lac.",
        "चित्रकूट के खिलौना कारीगर स्थानीय मुलायम लकड़ी को खराद पर गढ़कर लाख से रंगते हैं।",
    ),
    templates=(
        T("Wooden rattle", "लकड़ी का {q}झुनझुना", "m", (149, 399),
          "A smooth rattle for babies, non-toxic colours.",
          "शिशुओं के लिए चिकना झुनझुना, सुरक्षित रंग।", "colour:toy", variants="count",
          weight_grams=100, dims_mm=(150, 60, 60)),
        T("Wooden spinning top", "लकड़ी का {q}लट्टू", "m", (99, 299),
          "A classic lattu with a string.", "डोरी के साथ पारंपरिक लट्टू।", "colour:toy",
          variants="count", weight_grams=80, dims_mm=(80, 60, 60)),
        T("Wooden kitchen set", "लकड़ी का {q}किचन सेट", "m", (499, 1299),
          "A miniature chulha, pots and spoons for play.",
          "खेलने के लिए छोटा चूल्हा, बर्तन और चम्मच।", "colour:toy", weight_grams=600),
        T("Wooden pull-along toy", "लकड़ी की {q}खींचने वाली गाड़ी", "f", (299, 899),
          "A wheeled toy on a string for toddlers.",
          "छोटे बच्चों के लिए डोरी से खिंचने वाली गाड़ी।", "colour:toy", weight_grams=400),
    ),
)

DECORATIVE = Craft(
    key="decorative", odop_names=("Decorative Products",), category="art-stone-tribal",
    motif="buti", palettes=("rose", "saffron", "teal"), community="general", muslim_percent=30,
    story=("decorative craft", "सजावटी शिल्प"), material=("Cloth and beads", "कपड़ा और मोती"),
    technique=("Hand stitched", "हाथ की सिलाई"), hsn="6304",
    about=(
        "Deoria's women's groups make festive decorations from cloth, beads and paper.",
        "देवरिया के महिला समूह कपड़े, मोतियों और काग़ज़ से त्योहारों की सजावट बनाते हैं।",
    ),
    templates=(
        T("Beaded door toran", "मोतियों वाला {q}तोरण", "m", (299, 999),
          "A doorway hanging of beads and bells.", "मोतियों और घंटियों वाली दरवाज़े की लटकन।",
          "colour:rich", variants="one", weight_grams=300),
        T("Decorative wall hanging", "सजावटी {q}वॉल हैंगिंग", "f", (349, 1199),
          "A fabric hanging with mirror work.", "शीशे के काम वाली कपड़े की लटकन।", "colour:rich",
          variants="object", weight_grams=300),
        T("Handmade fabric flowers", "कपड़े के {q}हस्तनिर्मित फूल", "mp", (199, 699),
          "A bunch of fabric flowers that never fade.",
          "कभी न मुरझाने वाले कपड़े के फूलों का गुच्छा।", "colour:pastel", variants="set",
          weight_grams=150),
        T("Festive diya stand", "त्योहार का {q}दीया स्टैंड", "m", (399, 1299),
          "A decorated stand for five diyas.", "पाँच दीयों के लिए सजा हुआ स्टैंड।", "colour:rich",
          variants="one", weight_grams=500, hsn="8306"),
    ),
)

GHUNGROO = Craft(
    key="ghungroo", category="metal-brass", motif="metal", palettes=("brass", "madder"),
    community="metal", muslim_percent=45, story=("ghungroo and bell making", "घुंघरू और घंटी"),
    material=("Brass", "पीतल"), technique=("Sand casting", "रेत के साँचे में ढलाई"), hsn="8306",
    odop_names=(
        "Ankle-bells (Ghungroo), Bells and Brass Products",
    ),
    about=(
        "Jalesar in Etah casts ghungroos and temple bells in brass, each tuned by ear.",
        "एटा के जलेसर में पीतल के घुंघरू और मंदिर की घंटियाँ ढाली जाती हैं, हर एक को कान से सुर "
        "में मिलाया जाता है।",
    ),
    templates=(
        T("Kathak ghungroo pair", "कथक {q}घुंघरू जोड़ी", "f", (699, 2499),
          "Brass ghungroos stitched on padded cotton, 50 to 100 bells each.",
          "गद्देदार सूती पट्टी पर टँके पीतल के घुंघरू, हर एक में 50 से 100 घुंघरू।", "",
          variants="one", weight_grams=900, dims_mm=(250, 200, 80)),
        T("Brass temple bell", "पीतल की {q}मंदिर घंटी", "f", (399, 2999),
          "A hanging bell with a long, clear ring.", "देर तक साफ़ गूँजने वाली लटकने वाली घंटी।",
          "design:metal_finish", variants="object"),
        T("Brass wind chime", "पीतल की {q}विंड चाइम", "f", (499, 1499),
          "Five bells on a chain, for a doorway or balcony.",
          "दरवाज़े या बालकनी के लिए ज़ंजीर पर पाँच घंटियाँ।", "", variants="one", weight_grams=400),
        T("Brass hand bell", "पीतल की {q}पूजा घंटी", "f", (299, 999),
          "A puja bell with a cast handle.", "ढले हत्थे वाली पूजा की घंटी।", "design:metal_finish",
          variants="object", weight_grams=300),
    ),
)

GLASS = Craft(
    key="firozabad-glass", odop_names=("Glassware (incl. bangles)",), category="pottery-glass",
    motif="pottery", palettes=("teal", "rose", "indigo", "madder"), community="general",
    muslim_percent=50, vendors=WORKSHOPS, story=("glass work", "कांच"), material=("Glass", "कांच"),
    hsn="7018",
    about=(
        "Firozabad, the glass city, makes most of India's bangles in its furnaces.",
        "सुहाग नगरी फ़िरोज़ाबाद की भट्ठियों में देश की ज़्यादातर चूड़ियाँ बनती हैं।",
    ),
    technique=(
        "Furnace-blown and hand finished",
        "भट्ठी में बना, हाथ की फ़िनिशिंग",
    ),
    templates=(
        T("Glass bangles, set of 12", "कांच की {q}चूड़ियाँ, 12 का सेट", "fp", (149, 499),
          "A dozen bangles, gold-dusted at the edge.",
          "किनारे पर सुनहरे बुरादे वाली दर्जन भर चूड़ियाँ।", "colour:glass", variants="bangles",
          weight_grams=250, dims_mm=(120, 120, 80)),
        T("Bridal glass bangle set", "दुल्हन का {q}कांच चूड़ी सेट", "m", (399, 1299),
          "Forty-eight bangles for both wrists, with kadas.",
          "दोनों हाथों के लिए कड़ों सहित अड़तालीस चूड़ियाँ।", "colour:glass", variants="bangles",
          weight_grams=700, dims_mm=(150, 150, 120)),
        T("Glass tumblers", "कांच के {q}गिलास", "mp", (299, 999),
          "Heavy-based tumblers for water and juice.", "पानी और जूस के लिए भारी तले वाले गिलास।",
          "colour:glass", variants="set", hsn="7013", weight_grams=900),
        T("Glass candle holder", "कांच का {q}कैंडल होल्डर", "m", (249, 799),
          "A tinted holder that glows when lit.", "जलने पर जगमगाने वाला रंगीन होल्डर।",
          "colour:glass", variants="set", hsn="7013", weight_grams=400),
        T("Glass flower vase", "कांच का {q}फूलदान", "m", (349, 1499),
          "A hand-finished vase with a wavy rim.", "लहरदार किनारे वाला हाथ से फ़िनिश किया फूलदान।",
          "colour:glass", variants="object", hsn="7013"),
    ),
)

JUTE = Craft(
    key="jute", odop_names=("Jute Wall Hangings",), category="natural-fibre", motif="fibre",
    palettes=("saffron", "leaf", "walnut"), community="fibre", muslim_percent=30, vendors=WEAVERS,
    story=("jute craft", "जूट"), material=("Jute", "जूट"),
    technique=("Macramé and weaving", "मैक्रेमे और बुनाई"), hsn="6304",
    about=(
        "Ghazipur's jute workers knot, braid and weave jute into hangings and bags.",
        "ग़ाज़ीपुर के कारीगर जूट को गाँठकर, गूँथकर और बुनकर लटकन और थैले बनाते हैं।",
    ),
    templates=(
        T("Jute macramé wall hanging", "जूट की {q}मैक्रेमे वॉल हैंगिंग", "f", (399, 1499),
          "A knotted hanging on a wooden dowel.", "लकड़ी की छड़ पर गाँठों से बनी लटकन।", "",
          variants="object", weight_grams=400),
        T("Jute tote bag", "जूट का {q}थैला", "m", (199, 699),
          "A sturdy shopping bag with cotton handles.", "सूती हत्थों वाला मज़बूत थैला।",
          "colour:earthy", variants="count", hsn="42022230", weight_grams=250),
        T("Jute doormat", "जूट का {q}पायदान", "m", (249, 699), "A thick braided doormat.",
          "मोटा गूँथा हुआ पायदान।", "", variants="count", hsn="5702", weight_grams=800),
        T("Jute plant hanger", "जूट का {q}प्लांट हैंगर", "m", (149, 499),
          "A macramé hanger for a 6-inch pot.", "6 इंच के गमले के लिए मैक्रेमे हैंगर।", "",
          variants="set", weight_grams=150),
    ),
)

TERRACOTTA = Craft(
    key="terracotta", odop_names=("Terracotta",), category="pottery-glass", motif="pottery",
    palettes=("terracotta", "saffron"), community="pottery", muslim_percent=5,
    story=("terracotta", "टेराकोटा"), material=("Clay", "मिट्टी"), hsn="6913",
    about=(
        "Gorakhpur's terracotta from Aurangabad village is shaped by hand and fired to a deep "
        "red-orange.",
        "गोरखपुर के औरंगाबाद गाँव का टेराकोटा हाथ से गढ़ा और पकाकर गहरे लाल-नारंगी रंग का किया "
        "जाता है।",
    ),
    technique=(
        "Hand shaped and kiln fired",
        "हाथ से गढ़ा, आवे में पका",
    ),
    templates=(
        T("Terracotta horse", "टेराकोटा {q}घोड़ा", "m", (499, 2499),
          "The famous long-necked Gorakhpur horse with applied ornament.",
          "सजावट से सजा, लंबी गर्दन वाला गोरखपुर का मशहूर घोड़ा।", "", variants="object"),
        T("Terracotta elephant", "टेराकोटा {q}हाथी", "m", (499, 2299),
          "A decorated elephant for the garden or the hall.", "बग़ीचे या बैठक के लिए सजा हुआ हाथी।",
          "", variants="object"),
        T("Terracotta diyas", "टेराकोटा {q}दीये", "mp", (149, 499), "Hand-shaped diyas for Diwali.",
          "दीवाली के लिए हाथ से गढ़े दीये।", "", variants="set", hsn="69120040", weight_grams=300),
        T("Terracotta planter", "टेराकोटा {q}गमला", "m", (299, 1199),
          "A breathable planter that keeps roots cool.", "जड़ों को ठंडा रखने वाला हवादार गमला।",
          "design:pottery", variants="object", hsn="69120040"),
        T("Terracotta bell wind chime", "टेराकोटा की {q}विंड चाइम", "f", (299, 899),
          "Clay bells on a cord, with a soft sound.", "डोरी पर मिट्टी की घंटियाँ, धीमी मीठी आवाज़।",
          "", variants="one", weight_grams=500),
    ),
)

HANDMADE_PAPER = Craft(
    key="handmade-paper", odop_names=("Handmade Paper",), category="art-stone-tribal", motif="buti",
    palettes=("leaf", "saffron", "rose"), community="general", muslim_percent=20, vendors=WEAVERS,
    story=("paper making", "हस्तनिर्मित काग़ज़"),
    material=("Cotton-rag paper", "सूती कतरन का काग़ज़"), technique=("Hand made", "हाथ से बना"),
    hsn="4802",
    about=(
        "Kalpi in Jalaun makes paper by hand from cotton rags, pulped and pressed sheet by sheet.",
        "जालौन के कालपी में सूती कतरनों की लुगदी से एक-एक पन्ना दबाकर काग़ज़ बनाया जाता है।",
    ),
    templates=(
        T("Handmade paper notebook", "हस्तनिर्मित काग़ज़ की {q}नोटबुक", "f", (149, 499),
          "A stitched notebook with 100 deckle-edged pages.",
          "खुरदरे किनारों वाले 100 पन्नों की सिली नोटबुक।", "colour:earthy", variants="count",
          weight_grams=250, dims_mm=(220, 160, 20)),
        T("Handmade paper gift bags", "हस्तनिर्मित काग़ज़ के {q}गिफ़्ट बैग", "mp", (199, 599),
          "Gift bags with rope handles.", "रस्सी के हत्थों वाले उपहार थैले।", "colour:pastel",
          variants="set", weight_grams=300),
        T("Handmade paper file folder", "हस्तनिर्मित काग़ज़ का {q}फ़ाइल फ़ोल्डर", "m", (99, 299),
          "A sturdy folder with a string tie.", "डोरी से बँधने वाला मज़बूत फ़ोल्डर।",
          "colour:earthy", variants="count", weight_grams=150),
        T("Handmade paper stationery set", "हस्तनिर्मित काग़ज़ का {q}स्टेशनरी सेट", "m", (299, 899),
          "Letter sheets, envelopes and cards in a box.",
          "डिब्बे में पत्र के काग़ज़, लिफ़ाफ़े और कार्ड।", "colour:pastel", variants="one",
          weight_grams=400),
    ),
)

SOFT_TOYS = Craft(
    key="soft-toys", odop_names=("Soft Toys",), category="toys-sports", motif="toys",
    palettes=("rose", "teal", "saffron"), community="general", muslim_percent=25, vendors=WORKSHOPS,
    story=("soft toy making", "सॉफ़्ट टॉय"), technique=("Stitched and stuffed", "सिलाई और भराई"),
    hsn="9503",
    about=(
        "Jhansi's women's groups cut, stitch and stuff soft toys to children's safety standards.",
        "झांसी के महिला समूह बच्चों की सुरक्षा के मानकों पर सॉफ़्ट टॉय काटते, सिलते और भरते हैं।",
    ),
    material=(
        "Plush fabric, polyester fibre",
        "मुलायम कपड़ा, पॉलिएस्टर रेशा",
    ),
    templates=(
        T("Plush teddy bear", "मुलायम {q}टेडी बियर", "m", (299, 1499),
          "A huggable teddy with stitched eyes.", "सिले हुए आँखों वाला गले लगाने लायक़ टेडी।",
          "colour:toy", variants="object"),
        T("Soft elephant toy", "मुलायम {q}हाथी खिलौना", "m", (249, 999),
          "A soft elephant in cotton-blend fabric.", "कॉटन-मिक्स कपड़े का मुलायम हाथी।",
          "colour:toy", variants="object"),
        T("Rag doll", "कपड़े की {q}गुड़िया", "f", (199, 699), "A cloth doll in a printed dress.",
          "छपी फ़्रॉक वाली कपड़े की गुड़िया।", "colour:toy"),
        T("Animal-shaped cushion", "जानवर की शक्ल का {q}कुशन", "m", (299, 899),
          "A soft cushion shaped like an animal.", "जानवर की शक्ल वाला कुशन।", "colour:toy",
          variants="one"),
    ),
)

BANANA_FIBRE = Craft(
    key="banana-fibre", odop_names=("Banana Fibre Products",), category="natural-fibre",
    motif="fibre", palettes=("leaf", "saffron"), community="fibre", muslim_percent=20,
    vendors=WEAVERS, story=("banana fibre craft", "केले का रेशा"),
    material=("Banana fibre", "केले का रेशा"),
    technique=("Hand braided and woven", "हाथ से गूँथा और बुना"), hsn="4602",
    about=(
        "Kushinagar's artisans extract fibre from banana stems that farmers used to burn.",
        "कुशीनगर के कारीगर केले के उन तनों से रेशा निकालते हैं जिन्हें पहले किसान जला देते थे।",
    ),
    templates=(
        T("Banana fibre basket", "केले के रेशे की {q}टोकरी", "f", (299, 999),
          "A light, strong basket with handles.", "हत्थों वाली हल्की, मज़बूत टोकरी।", ""),
        T("Banana fibre yoga mat", "केले के रेशे की {q}योगा मैट", "f", (899, 1999),
          "A natural mat with a cotton backing.", "सूती अस्तर वाली प्राकृतिक मैट।", "",
          variants="one", weight_grams=1200, dims_mm=(650, 150, 150)),
        T("Banana fibre handbag", "केले के रेशे का {q}हैंडबैग", "m", (499, 1499),
          "A woven handbag with a lining and zip.", "अस्तर और ज़िप वाला बुना हैंडबैग।",
          "colour:earthy", variants="one", hsn="4202"),
        T("Banana fibre table mats", "केले के रेशे की {q}टेबल मैट", "fp", (299, 899),
          "Woven table mats.", "बुनी हुई टेबल मैट।", "", variants="set", hsn="4601",
          weight_grams=300),
    ),
)

THARU = Craft(
    key="tharu", category="art-stone-tribal", motif="fibre", palettes=("madder", "leaf", "saffron"),
    community="tribal", muslim_percent=0, vendors=WEAVERS, story=("Tharu craft", "थारू शिल्प"),
    hsn="4602",
    odop_names=(
        "Tribal Craft (Tharu handicraft)",
        "Tribal Craft",
    ),
    about=(
        "Tharu women of the Terai weave grass and moonj and embroider in bright, bold colours.",
        "तराई की थारू महिलाएँ घास और मूंज बुनती हैं और चटख रंगों में कढ़ाई करती हैं।",
    ),
    material=(
        "Kasa grass, moonj and cotton",
        "कास घास, मूंज और सूत",
    ),
    technique=(
        "Hand woven and embroidered",
        "हाथ की बुनाई और कढ़ाई",
    ),
    templates=(
        T("Tharu grass basket", "थारू घास की {q}डलिया", "f", (299, 999),
          "A coiled basket with a coloured pattern.", "रंगीन डिज़ाइन वाली लपेटकर बनी डलिया।", ""),
        T("Tharu embroidered cushion cover", "थारू कढ़ाई वाला {q}कुशन कवर", "m", (399, 1199),
          "A cotton cover with Tharu embroidery.", "थारू कढ़ाई वाला सूती कवर।", "colour:rich",
          variants="cushion", category="home-textiles", hsn="6304", weight_grams=250),
        T("Tharu wall hanging", "थारू {q}वॉल हैंगिंग", "f", (349, 1299),
          "A woven hanging with shells and beads.", "सीपियों और मोतियों वाली बुनी लटकन।", "",
          variants="object", weight_grams=400),
        T("Tharu sling bag", "थारू {q}झोला", "m", (349, 999),
          "A cotton sling bag with bold embroidery.", "चटख कढ़ाई वाला सूती झोला।", "colour:rich",
          variants="one", hsn="42022220", weight_grams=300),
    ),
)

FURNITURE = Craft(
    key="furniture", odop_names=("Furniture",), category="wood-furniture", motif="wood",
    palettes=("walnut", "leaf"), community="wood", muslim_percent=35, vendors=WORKSHOPS,
    story=("furniture making", "फ़र्नीचर"), material=("Solid wood", "ठोस लकड़ी"), hsn="94036000",
    variants="one",
    about=(
        "Maharajganj's carpenters build solid-wood furniture from timber of the Terai forests.",
        "महराजगंज के बढ़ई तराई के जंगलों की लकड़ी से ठोस फ़र्नीचर बनाते हैं।",
    ),
    technique=(
        "Joinery and hand polish",
        "जोड़ाई और हाथ की पॉलिश",
    ),
    templates=(
        T("{q}side table", "{q}साइड टेबल", "f", (2499, 6999), "A small table with a drawer.",
          "दराज़ वाली छोटी मेज़।", "material:furniture_wood", weight_grams=7000,
          dims_mm=(500, 400, 550)),
        T("{q}bookshelf", "{q}किताबों की अलमारी", "f", (5999, 14999), "A four-shelf open bookcase.",
          "चार खानों वाली खुली अलमारी।", "material:furniture_wood", weight_grams=18000,
          dims_mm=(1200, 800, 320)),
        T("{q}stool", "{q}स्टूल", "m", (899, 2499), "A sturdy stool with a polished top.",
          "चमकदार ऊपरी सतह वाला मज़बूत स्टूल।", "material:furniture_wood", weight_grams=3500,
          dims_mm=(450, 350, 350)),
        T("{q}coffee table", "{q}कॉफ़ी टेबल", "f", (4999, 12999), "A low table with a shelf below.",
          "नीचे खाने वाली नीची मेज़।", "material:furniture_wood", weight_grams=15000,
          dims_mm=(1000, 600, 200)),
    ),
)

GAURA_STONE = Craft(
    key="gaura-stone", odop_names=("Gaura Stone Craft",), category="art-stone-tribal",
    motif="stone", palettes=("slate", "terracotta", "saffron"), community="general",
    muslim_percent=10, story=("gaura stone carving", "गौरा पत्थर"),
    material=("Gaura stone", "गौरा पत्थर"), technique=("Hand carving", "हाथ की नक़्क़ाशी"),
    hsn="6802",
    about=(
        "Mahoba's soft white gaura stone is carved and lightly painted by hand.",
        "महोबा के मुलायम सफ़ेद गौरा पत्थर को हाथ से तराशा और हल्का रंगा जाता है।",
    ),
    templates=(
        T("Gaura stone elephant", "गौरा पत्थर का {q}हाथी", "m", (399, 1999),
          "A carved elephant with painted trappings.", "रंगी हुई झूल वाला तराशा हाथी।", "",
          variants="object"),
        T("Gaura stone bowl", "गौरा पत्थर का {q}कटोरा", "m", (299, 999),
          "A carved bowl for potpourri or flowers.", "पॉटपुरी या फूलों के लिए तराशा कटोरा।", "",
          variants="object"),
        T("Gaura stone candle stand", "गौरा पत्थर का {q}कैंडल स्टैंड", "m", (299, 899),
          "A lattice-carved tealight holder.", "जालीदार नक़्क़ाशी वाला टी-लाइट होल्डर।", "",
          variants="set"),
        T("Gaura stone coasters", "गौरा पत्थर के {q}कोस्टर", "mp", (349, 999),
          "Carved coasters with felt backing.", "नीचे फ़ेल्ट लगे नक़्क़ाशीदार कोस्टर।", "",
          variants="set", weight_grams=600),
    ),
)

TARKASHI = Craft(
    key="tarkashi", odop_names=("Tarkashi Art (brass wire inlay in wood)",),
    category="wood-furniture", motif="wood", palettes=("walnut", "brass"), community="wood",
    muslim_percent=20, story=("tarkashi", "तारकशी"),
    technique=("Brass-wire inlay", "पीतल के तार की जड़ाई"), hsn="4420",
    about=(
        "Mainpuri's tarkashi hammers fine brass wire into grooves cut in dark sheesham wood.",
        "मैनपुरी की तारकशी में गहरे रंग की शीशम में बनी नालियों में पीतल का बारीक तार ठोका जाता "
        "है।",
    ),
    material=(
        "Sheesham wood and brass wire",
        "शीशम और पीतल का तार",
    ),
    templates=(
        T("Tarkashi jewellery box", "तारकशी वाला {q}गहनों का डिब्बा", "m", (799, 2999),
          "A lined box with inlay on every side.", "हर तरफ़ जड़ाई वाला, अंदर अस्तर लगा डिब्बा।",
          "design:tarkashi", variants="object"),
        T("Tarkashi photo frame", "तारकशी वाला {q}फ़ोटो फ़्रेम", "m", (499, 1499),
          "A frame for a 5 × 7 inch photo.", "5 × 7 इंच की फ़ोटो के लिए फ़्रेम।", "design:tarkashi",
          weight_grams=400),
        T("Tarkashi pen stand", "तारकशी वाला {q}पेन स्टैंड", "m", (299, 899), "A desk pen stand.",
          "मेज़ के लिए पेन स्टैंड।", "design:tarkashi", variants="one", weight_grams=300),
        T("Tarkashi wall plate", "तारकशी वाली {q}दीवार प्लेट", "f", (699, 2499),
          "A round wall plate with a peacock in brass wire.",
          "पीतल के तार से बने मोर वाली गोल दीवार प्लेट।", "", variants="object"),
    ),
)

MORADABAD_BRASS = Craft(
    key="moradabad-brass", odop_names=("Metal Craft (brassware)",), category="metal-brass",
    motif="metal", palettes=("brass", "teal", "madder"), community="metal", muslim_percent=65,
    vendors=WORKSHOPS, story=("brassware", "पीतल का काम"), material=("Brass", "पीतल"),
    hsn="74198030",
    about=(
        "Moradabad, the brass city, casts, engraves and polishes brass for homes worldwide.",
        "पीतल नगरी मुरादाबाद में दुनिया भर के घरों के लिए पीतल ढाला, उकेरा और चमकाया जाता है।",
    ),
    technique=(
        "Cast, engraved and polished",
        "ढलाई, नक़्क़ाशी और पॉलिश",
    ),
    templates=(
        T("Brass diya", "पीतल का {q}दीया", "m", (199, 999), "A heavy brass diya for daily puja.",
          "रोज़ की पूजा के लिए भारी पीतल का दीया।", "design:metal_finish", variants="object",
          weight_grams=300),
        T("Brass flower vase", "पीतल का {q}फूलदान", "m", (699, 2999),
          "An engraved vase with a narrow neck.", "पतली गर्दन वाला नक़्क़ाशीदार फूलदान।",
          "design:metal_finish", variants="object"),
        T("Brass Ganesha idol", "पीतल की {q}गणेश मूर्ति", "f", (799, 4999),
          "A seated Ganesha, cast and hand finished.",
          "ढलाई से बनी, हाथ से सँवारी बैठे गणेश जी की मूर्ति।", "design:metal_finish",
          variants="object", hsn="8306"),
        T("Brass serving tray", "पीतल की {q}ट्रे", "f", (899, 2999),
          "A round tray with engraved flowers.", "उकेरे फूलों वाली गोल ट्रे।",
          "design:metal_finish", variants="object", hsn="74181021"),
        T("Brass planter", "पीतल का {q}गमला", "m", (999, 3499),
          "An indoor planter with a hammered finish.", "हथौड़े की चोट वाली फ़िनिश का इनडोर गमला।",
          "", variants="object"),
        T("Brass candle stand", "पीतल का {q}कैंडल स्टैंड", "m", (599, 1999),
          "A stand for a pillar candle.", "मोटी मोमबत्ती के लिए स्टैंड।", "design:metal_finish",
          variants="object"),
    ),
)

BRASS_UTENSILS = Craft(
    key="brass-utensils", category="metal-brass", motif="metal", palettes=("brass", "walnut"),
    community="metal", muslim_percent=25, story=("brass utensil making", "पीतल के बर्तन"),
    material=("Brass", "पीतल"), technique=("Hand beaten", "हाथ से पीटकर"), hsn="74181021",
    odop_names=(
        "Metal (brass utensils)",
        "Brassware (Bakhira brass utensils)",
    ),
    about=(
        "Kasera families beat and cast brass and bell-metal utensils that last generations.",
        "कसेरा परिवार पीतल और काँसे के ऐसे बर्तन पीटकर और ढालकर बनाते हैं जो पीढ़ियों चलते हैं।",
    ),
    templates=(
        T("Brass lota", "पीतल का {q}लोटा", "m", (399, 1299),
          "A round-bellied lota for water or puja.", "पानी या पूजा के लिए गोल लोटा।", "",
          variants="object"),
        T("Bell-metal thali set", "काँसे का {q}थाली सेट", "m", (1999, 5999),
          "A thali with katoris, glass and spoon.", "कटोरियों, गिलास और चम्मच सहित थाली।", "",
          variants="one", weight_grams=2200, dims_mm=(350, 350, 80),
          material=("Bell metal", "काँसा")),
        T("Brass tumbler", "पीतल का {q}गिलास", "m", (299, 899),
          "A tin-lined tumbler for water and milk.", "अंदर कलई वाला पानी और दूध का गिलास।", "",
          variants="set", weight_grams=300),
        T("Brass handi", "पीतल की {q}हांडी", "f", (999, 3499),
          "A cooking pot with a lid, tin-lined inside.", "अंदर कलई वाली ढक्कनदार हांडी।", "",
          variants="pot"),
        T("Brass kalash", "पीतल का {q}कलश", "m", (499, 1799), "A puja kalash with a coconut rest.",
          "नारियल रखने की जगह वाला पूजा का कलश।", "design:metal_finish", variants="object"),
    ),
)

MEENAKARI = Craft(
    key="meenakari", odop_names=("Pink meenakari",), category="metal-brass", motif="metal",
    palettes=("rose", "brass"), community="metal", muslim_percent=30,
    story=("gulabi meenakari", "गुलाबी मीनाकारी"), material=("Copper with enamel", "ताँबा और मीना"),
    technique=("Enamel fired by hand", "हाथ से पकाई मीना"), hsn="7117", variants="one",
    about=(
        "Varanasi's gulabi meenakari fires pink enamel onto silver and copper, one colour at a "
        "time.",
        "वाराणसी की गुलाबी मीनाकारी में चाँदी और ताँबे पर एक-एक रंग की मीना पकाई जाती है।",
    ),
    templates=(
        T("Meenakari pendant", "मीनाकारी {q}लॉकेट", "m", (699, 2999),
          "A pink-enamel pendant on a silk cord.", "रेशमी डोरी पर गुलाबी मीना का लॉकेट।", "",
          weight_grams=50, dims_mm=(100, 80, 30)),
        T("Meenakari brooch", "मीनाकारी {q}ब्रोच", "m", (499, 1999),
          "A peacock brooch in pink and green enamel.", "गुलाबी और हरी मीना वाला मोर ब्रोच।", "",
          weight_grams=40, dims_mm=(90, 70, 30)),
        T("Meenakari elephant figurine", "मीनाकारी {q}हाथी", "m", (1499, 5999),
          "A small elephant enamelled in gulabi meena.", "गुलाबी मीना से सजा छोटा हाथी।", "",
          variants="object", hsn="8306", weight_grams=300),
        T("Meenakari trinket box", "मीनाकारी {q}डिबिया", "f", (999, 3999),
          "A small lidded box for rings and earrings.", "अंगूठी और बालियों के लिए ढक्कनदार डिबिया।",
          "", hsn="8306", weight_grams=150, dims_mm=(100, 100, 80)),
    ),
)

BANSURI = Craft(
    key="bansuri", odop_names=("Flute (Bansuri)",), category="musical-instruments", motif="music",
    palettes=("saffron", "leaf", "walnut"), community="general", muslim_percent=70,
    story=("flute making", "बांसुरी"), material=("Bamboo", "बाँस"), hsn="9205", variants="flute",
    about=(
        "Pilibhit's flute makers burn the holes into Assam bamboo and tune each flute by ear.",
        "पीलीभीत के कारीगर असम के बाँस में गरम सलाख़ से छेद कर हर बांसुरी को कान से सुर में "
        "मिलाते हैं।",
    ),
    technique=(
        "Hole-burned and hand tuned",
        "सलाख़ से छेद, हाथ से सुर",
    ),
    templates=(
        T("Bamboo bansuri", "बाँस की {q}बांसुरी", "f", (299, 1499),
          "A concert-pitch bansuri with thread binding.",
          "धागे की बँधाई वाली सुर में मिली बांसुरी।", "", weight_grams=150, dims_mm=(800, 60, 60)),
        T("Professional bansuri", "प्रोफ़ेशनल {q}बांसुरी", "f", (1499, 4999),
          "A hand-selected bamboo flute for performers.",
          "कलाकारों के लिए चुने हुए बाँस की बांसुरी।", "", weight_grams=200, dims_mm=(850, 60, 60)),
        T("Beginner's flute set", "सीखने वालों का {q}बांसुरी सेट", "m", (599, 1799),
          "Two flutes with a cloth bag and a fingering chart.",
          "कपड़े के थैले और सुर-चार्ट के साथ दो बांसुरियाँ।", "", variants="one", weight_grams=400,
          dims_mm=(600, 100, 80)),
    ),
)

RAE_BARELI_WOOD = Craft(
    key="rae-bareli-wood", odop_names=("Wood Work",), category="wood-furniture", motif="wood",
    palettes=("walnut", "terracotta"), community="wood", muslim_percent=35,
    story=("woodwork", "लकड़ी"), material=("Sheesham wood", "शीशम की लकड़ी"),
    technique=("Hand carving", "हाथ की नक़्क़ाशी"), hsn="4420",
    about=(
        "Rae Bareli's woodworkers make carved frames, trays and household pieces.",
        "रायबरेली के काष्ठ कारीगर नक़्क़ाशीदार फ़्रेम, ट्रे और घरेलू सामान बनाते हैं।",
    ),
    templates=(
        T("Carved mirror frame", "नक़्क़ाशीदार {q}शीशे का फ़्रेम", "m", (1499, 4999),
          "A wall mirror in a carved wooden frame.",
          "नक़्क़ाशीदार लकड़ी के फ़्रेम में दीवार का शीशा।", "", variants="object",
          weight_grams=3000),
        T("{q}key holder", "{q}चाबी स्टैंड", "m", (299, 799), "A wall key holder with five hooks.",
          "पाँच हुक वाला दीवार पर लगने वाला चाबी स्टैंड।", "material:wood", variants="one",
          weight_grams=400),
        T("{q}tea tray", "{q}चाय ट्रे", "f", (499, 1499), "A tray with brass handles.",
          "पीतल के हत्थों वाली ट्रे।", "material:wood", variants="object"),
    ),
)

SAHARANPUR_WOOD = Craft(
    key="saharanpur-wood", odop_names=("Wood Craft (wood carving)",), category="wood-furniture",
    motif="wood", palettes=("walnut", "leaf", "terracotta"), community="wood", muslim_percent=70,
    vendors=WORKSHOPS, story=("wood carving", "लकड़ी पर नक़्क़ाशी"),
    material=("Sheesham wood", "शीशम की लकड़ी"), technique=("Hand carving", "हाथ की नक़्क़ाशी"),
    hsn="4420",
    about=(
        "Saharanpur's carvers cut deep vine and jaali patterns into sheesham with hand chisels.",
        "सहारनपुर के कारीगर हाथ की छेनी से शीशम में गहरी बेल और जाली की नक़्क़ाशी करते हैं।",
    ),
    templates=(
        T("Carved {q}jewellery box", "नक़्क़ाशीदार {q}गहनों का डिब्बा", "m", (799, 2999),
          "A velvet-lined box with a carved lid.",
          "मख़मली अस्तर और नक़्क़ाशीदार ढक्कन वाला डिब्बा।", "material:wood", variants="object"),
        T("Carved {q}wall panel", "नक़्क़ाशीदार {q}दीवार पैनल", "m", (1999, 7999),
          "A jaali panel to hang or use as a screen.",
          "टाँगने या परदे की तरह लगाने लायक़ जाली पैनल।", "material:wood", variants="object",
          weight_grams=3500, dims_mm=(600, 400, 40)),
        T("Carved wooden elephant", "नक़्क़ाशीदार लकड़ी का {q}हाथी", "m", (599, 2999),
          "An elephant with carved trappings.", "नक़्क़ाशीदार झूल वाला हाथी।", "",
          variants="object"),
        T("Carved {q}side table", "नक़्क़ाशीदार {q}साइड टेबल", "f", (3499, 9999),
          "A folding side table with a carved top.", "नक़्क़ाशीदार ऊपरी सतह वाली फ़ोल्डिंग मेज़।",
          "material:furniture_wood", variants="one", hsn="94036000", weight_grams=6000,
          dims_mm=(500, 500, 120)),
        T("{q}mobile stand", "{q}मोबाइल स्टैंड", "m", (199, 599),
          "A carved stand for a phone on the desk.", "मेज़ पर फ़ोन रखने का नक़्क़ाशीदार स्टैंड।",
          "material:wood", variants="count", weight_grams=200),
    ),
)

HORN_BONE = Craft(
    key="horn-bone", odop_names=("Handicraft (Horn and Bone)",), category="art-stone-tribal",
    motif="stone", palettes=("walnut", "slate"), community="general", muslim_percent=80,
    story=("horn and bone craft", "सींग और हड्डी"), material=("Buffalo horn", "भैंस का सींग"),
    hsn="96019040",
    about=(
        "Sambhal's craftsmen shape naturally shed horn and bone into combs, boxes and figures.",
        "संभल के कारीगर प्राकृतिक सींग और हड्डी से कंघियाँ, डिब्बे और मूर्तियाँ बनाते हैं।",
    ),
    technique=(
        "Hand shaped and polished",
        "हाथ से गढ़ाई और पॉलिश",
    ),
    templates=(
        T("Horn comb", "सींग की {q}कंघी", "f", (199, 599),
          "A wide-tooth comb that does not build static.",
          "चौड़े दाँतों वाली कंघी, बालों में बिजली नहीं बनती।", "", variants="count",
          weight_grams=60, dims_mm=(180, 60, 20)),
        T("Bone-inlay box", "हड्डी की जड़ाई वाला {q}डिब्बा", "m", (999, 3999),
          "A wooden box covered in bone inlay.", "हड्डी की जड़ाई से ढका लकड़ी का डिब्बा।", "",
          hsn="96019030", variants="object"),
        T("Horn bowl", "सींग का {q}कटोरा", "m", (499, 1499),
          "A polished bowl with natural horn markings.",
          "सींग के कुदरती निशानों वाला चमकदार कटोरा।", "", variants="object"),
        T("Horn bird figurine", "सींग की {q}चिड़िया", "f", (349, 1299),
          "A small carved bird for the shelf.", "शेल्फ़ के लिए छोटी तराशी चिड़िया।", "",
          variants="object"),
    ),
)

LACQUER_TOYS = Craft(
    key="lacquer-toys", odop_names=("Toys (wooden lacquerware & toys)",), category="toys-sports",
    motif="toys", palettes=("madder", "saffron", "teal"), community="wood", muslim_percent=10,
    story=("lacquerware", "लकड़ी के लाख के खिलौने"), material=("Wood and lac", "लकड़ी और लाख"),
    hsn="9503",
    about=(
        "Varanasi's lacquerware is turned on a lathe and coloured with lac while it spins.",
        "वाराणसी के लाख के खिलौने खराद पर गढ़े जाते हैं और घूमते-घूमते ही लाख से रंगे जाते हैं।",
    ),
    technique=(
        "Lathe turned and lacquered",
        "खराद और लाख की रँगाई",
    ),
    templates=(
        T("Lacquer spinning top", "लाख का {q}लट्टू", "m", (99, 299),
          "A bright lattu that spins long.", "देर तक घूमने वाला चटख लट्टू।", "colour:toy",
          variants="count", weight_grams=80, dims_mm=(80, 60, 60)),
        T("Lacquerware doll set", "लाख की {q}गुड़ियों का सेट", "m", (299, 999),
          "Nesting dolls in traditional dress.", "पारंपरिक पोशाक में एक के अंदर एक गुड़ियाँ।",
          "colour:toy", variants="one", weight_grams=300),
        T("Lacquer toy kitchen set", "लाख का {q}खिलौना किचन सेट", "m", (399, 1199),
          "Miniature pots, pans and chulha.", "छोटे बर्तन और चूल्हा।", "colour:toy", variants="one",
          weight_grams=500),
        T("Lacquer sindoor box", "लाख की {q}सिंदूरदानी", "f", (149, 499),
          "A turned box for sindoor or pins.", "सिंदूर या पिन रखने की खराद पर बनी डिबिया।",
          "colour:toy", variants="count", category="art-stone-tribal", hsn="4420", weight_grams=80),
    ),
)

ATTAR = Craft(
    key="attar", odop_names=("Perfume (Attar/Itra)",), category="perfumes-incense",
    motif="fragrance", palettes=("rose", "brass", "teal"), community="trade", muslim_percent=45,
    story=("attar making", "इत्र"), technique=("Deg-bhapka distillation", "देग-भपका आसवन"),
    hsn="3301", variants="attar", origin="made",
    about=(
        "Kannauj distils flowers into sandalwood oil in copper degs, the way it has for centuries.",
        "कन्नौज में सदियों पुराने तरीक़े से ताँबे की देगों में फूलों को चंदन के तेल में उतारा "
        "जाता है।",
    ),
    material=(
        "Natural attar in sandalwood oil",
        "चंदन के तेल में प्राकृतिक इत्र",
    ),
    templates=(
        T("Rose attar", "गुलाब का इत्र", "m", (399, 1999),
          "Deep, sweet rose from Kannauj's own fields.",
          "कन्नौज के अपने खेतों के गुलाब की गहरी, मीठी ख़ुशबू।", ""),
        T("Mitti attar", "मिट्टी का इत्र", "m", (349, 1499),
          "The smell of first rain on dry earth.", "सूखी धरती पर पहली बारिश की ख़ुशबू।", ""),
        T("Kewda attar", "केवड़े का इत्र", "m", (349, 1499),
          "Fresh, green kewda, also used in sweets.",
          "ताज़ा केवड़ा, मिठाइयों में भी इस्तेमाल होता है।", ""),
        T("Shamama attar", "शमामा इत्र", "m", (599, 2999),
          "A warm blend of herbs, spices and resins.", "जड़ी-बूटियों, मसालों और राल का गरम मिश्रण।",
          ""),
        T("Mogra attar", "मोगरे का इत्र", "m", (449, 1999), "Jasmine, rich and long-lasting.",
          "देर तक टिकने वाली, भरपूर मोगरे की ख़ुशबू।", ""),
        T("Rose water", "गुलाब जल", "m", (99, 299),
          "Steam-distilled rose water for skin and cooking.",
          "त्वचा और खाने के लिए भाप से निकाला गुलाब जल।", "", variants="liquid", weight_grams=550,
          dims_mm=(220, 80, 80)),
    ),
)

INCENSE = Craft(
    key="incense", odop_names=("Incense sticks",), category="perfumes-incense", motif="fragrance",
    palettes=("saffron", "walnut", "rose"), community="trade", muslim_percent=35,
    story=("incense rolling", "अगरबत्ती"), technique=("Hand rolled", "हाथ से बेली"), hsn="3307",
    variants="incense", origin="made",
    about=(
        "Kannauj's incense is rolled by hand with the same flower extracts as its attars.",
        "कन्नौज की अगरबत्ती उन्हीं फूलों के अर्क से हाथ से बेली जाती है जिनसे यहाँ का इत्र बनता "
        "है।",
    ),
    material=(
        "Bamboo, charcoal, natural extracts",
        "बाँस, कोयला, प्राकृतिक अर्क",
    ),
    templates=(
        T("Rose agarbatti", "गुलाब {q}अगरबत्ती", "f", (99, 299), "Slow-burning rose incense.",
          "धीरे जलने वाली गुलाब की अगरबत्ती।", ""),
        T("Sandalwood agarbatti", "चंदन {q}अगरबत्ती", "f", (99, 349),
          "Soft sandalwood incense for daily puja.", "रोज़ की पूजा के लिए चंदन की हल्की ख़ुशबू।",
          ""),
        T("Dhoop cones", "धूप {q}कोन", "mp", (99, 299), "Cones that fill a room with fragrance.",
          "कमरे को ख़ुशबू से भर देने वाले कोन।", ""),
        T("Mogra agarbatti", "मोगरा {q}अगरबत्ती", "f", (99, 299),
          "Jasmine incense, sweet but not heavy.", "मोगरे की मीठी पर हल्की अगरबत्ती।", ""),
    ),
)

MENTHA = Craft(
    key="mentha", odop_names=("Mentha",), category="perfumes-incense", motif="fragrance",
    palettes=("leaf", "teal"), community="farm", muslim_percent=40,
    vendors=(("fpo", 70), ("corporation", 30)), story=("mint oil distilling", "मेंथा"),
    material=("Mentha arvensis", "मेंथा"), technique=("Steam distilled", "भाप से आसवित"),
    hsn="3301", variants="oil", origin="farm",
    about=(
        "Rampur's farmers grow and distil mentha, making the region a world source of mint oil.",
        "रामपुर के किसान मेंथा उगाते और आसवित करते हैं; यह इलाक़ा दुनिया भर को पुदीने का तेल "
        "देता है।",
    ),
    templates=(
        T("Pure mint oil", "शुद्ध पुदीने का तेल", "m", (199, 699),
          "Steam-distilled mint oil for inhalation and massage.",
          "भाप लेने और मालिश के लिए भाप से निकाला पुदीने का तेल।", ""),
        T("Peppermint oil", "पेपरमिंट तेल", "m", (249, 799), "Fresh peppermint oil for diffusers.",
          "डिफ़्यूज़र के लिए ताज़ा पेपरमिंट तेल।", ""),
        T("Menthol crystals", "पिपरमिंट के फूल", "mp", (149, 499),
          "Menthol crystals for steam inhalation.", "भाप लेने के लिए मेंथॉल क्रिस्टल।", "",
          variants="small_pack"),
    ),
)
# fmt: on

CRAFTS: tuple[Craft, ...] = (
    STONE_AGRA,
    MOONJ,
    DHOLAK,
    AMROHA_HANDICRAFT,
    BLACK_POTTERY,
    WHEAT_STALK,
    BINDI,
    SHAJAR,
    WOOD_BAREILLY,
    WOOD_CRAFT,
    RUSHES,
    KHURJA,
    WOODEN_TOYS,
    DECORATIVE,
    GHUNGROO,
    GLASS,
    JUTE,
    TERRACOTTA,
    HANDMADE_PAPER,
    SOFT_TOYS,
    BANANA_FIBRE,
    THARU,
    FURNITURE,
    GAURA_STONE,
    TARKASHI,
    MORADABAD_BRASS,
    BRASS_UTENSILS,
    MEENAKARI,
    BANSURI,
    RAE_BARELI_WOOD,
    SAHARANPUR_WOOD,
    HORN_BONE,
    LACQUER_TOYS,
    ATTAR,
    INCENSE,
    MENTHA,
)
