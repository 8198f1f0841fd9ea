"""Demo crafts: leather and footwear, hardware and engineering goods, sports goods, food."""

from __future__ import annotations

from odopmart.catalog.demo.crafts import FARMERS, WORKSHOPS, Craft, T

# fmt: off
LEATHER = Craft(
    key="leather", odop_names=("Leather Products", "Leather"), category="leather-footwear",
    motif="stone", palettes=("walnut", "terracotta", "slate"), community="leather",
    muslim_percent=45, vendors=WORKSHOPS, story=("leatherwork", "चमड़े का काम"),
    material=("Genuine leather", "असली चमड़ा"),
    technique=("Hand cut and stitched", "हाथ की कटाई और सिलाई"), hsn="4202", variants="one",
    origin="made",
    about=(
        "Agra, Kanpur and Unnao tan and stitch much of India's leather, for home and export.",
        "आगरा, कानपुर और उन्नाव देश और विदेश के लिए भारत का बहुत-सा चमड़ा पकाते और सिलते हैं।",
    ),
    templates=(
        T("Leather tote bag", "चमड़े का {q}टोट बैग", "m", (1999, 5999),
          "A roomy tote with an inner zip pocket.", "अंदर ज़िप वाली जेब के साथ बड़ा टोट बैग।",
          "colour:leather", weight_grams=900, dims_mm=(400, 320, 120)),
        T("Men's {q}bi-fold wallet", "पुरुषों का {q}बटुआ", "m", (499, 1499),
          "A slim wallet with eight card slots.", "आठ कार्ड की जगह वाला पतला बटुआ।",
          "colour:leather material:leather_kind", hsn="42023120", weight_grams=120,
          dims_mm=(150, 110, 30)),
        T("Leather messenger bag", "चमड़े का {q}मैसेंजर बैग", "m", (2499, 6999),
          "Fits a 14-inch laptop, with an adjustable strap.",
          "14 इंच का लैपटॉप आ जाए, एडजस्ट होने वाला पट्टा।", "colour:leather", weight_grams=1300,
          dims_mm=(420, 320, 120)),
        T("Leather belt", "चमड़े की {q}बेल्ट", "f", (399, 1299),
          "A full-grain belt with a brass buckle.", "पीतल के बकल वाली फ़ुल-ग्रेन बेल्ट।",
          "colour:leather", variants="apparel", hsn="4203", weight_grams=200,
          dims_mm=(300, 120, 40)),
        T("Women's {q}leather handbag", "महिलाओं का {q}चमड़े का हैंडबैग", "m", (1499, 4999),
          "A structured handbag with two handles.", "दो हत्थों वाला सुघड़ हैंडबैग।",
          "colour:leather", weight_grams=800, dims_mm=(340, 260, 120)),
        T("Leather passport cover", "चमड़े का {q}पासपोर्ट कवर", "m", (299, 899),
          "A stitched cover with a card slot.", "कार्ड की जगह वाला सिला हुआ कवर।", "colour:leather",
          hsn="4205", weight_grams=80, dims_mm=(150, 110, 20)),
    ),
)

FOOTWEAR = Craft(
    key="footwear", odop_names=("All types of footwear",), category="leather-footwear",
    motif="stone", palettes=("walnut", "slate"), community="leather", muslim_percent=35,
    vendors=WORKSHOPS, story=("shoemaking", "जूते बनाने"), hsn="64039990", variants="footwear",
    origin="made",
    about=(
        "Agra is India's shoe capital; its lasts and hand stitching are famous.",
        "आगरा भारत की जूता राजधानी है; यहाँ के फ़र्मे और हाथ की सिलाई मशहूर हैं।",
    ),
    material=(
        "Leather upper, rubber sole",
        "चमड़े का ऊपरी हिस्सा, रबर का तला",
    ),
    technique=(
        "Hand lasted and stitched",
        "फ़र्मे पर हाथ से बना और सिला",
    ),
    templates=(
        T("Men's {q}leather Oxford shoes", "पुरुषों के {q}चमड़े के ऑक्सफ़ोर्ड जूते", "mp",
          (1999, 4999), "Formal lace-ups with a cushioned insole.",
          "गद्देदार तलवे वाले फ़ॉर्मल फीते वाले जूते।", "colour:leather", weight_grams=1100,
          dims_mm=(330, 220, 120)),
        T("Men's {q}leather loafers", "पुरुषों के {q}चमड़े के लोफ़र", "mp", (1499, 3999),
          "Slip-on loafers, soft from the first wear.",
          "पहली बार से ही आरामदेह, बिना फीते के लोफ़र।", "colour:leather", weight_grams=900,
          dims_mm=(330, 220, 120)),
        T("Women's {q}leather sandals", "महिलाओं की {q}चमड़े की सैंडल", "fp", (799, 2499),
          "Flat sandals with a padded footbed.", "गद्देदार तलवे वाली सपाट सैंडल।", "colour:leather",
          weight_grams=600, dims_mm=(300, 200, 100)),
        T("Leather chappals", "चमड़े की {q}चप्पलें", "fp", (499, 1499),
          "Everyday chappals with a toe ring.", "अंगूठे के छल्ले वाली रोज़ की चप्पलें।",
          "colour:leather", weight_grams=500, dims_mm=(300, 200, 100)),
    ),
)

JOOTI = Craft(
    key="jooti", odop_names=("Shoes (Jooti)",), category="leather-footwear", motif="buti",
    palettes=("madder", "brass", "walnut"), community="leather", muslim_percent=30,
    vendors=WORKSHOPS, story=("jooti making", "जूती"), material=("Leather", "चमड़ा"),
    technique=("Hand stitched", "हाथ की सिलाई"), hsn="64039990", variants="footwear",
    about=(
        "Hamirpur's jootis are cut from one piece of leather and stitched by hand.",
        "हमीरपुर की जूतियाँ चमड़े के एक टुकड़े से काटकर हाथ से सिली जाती हैं।",
    ),
    templates=(
        T("Men's {q}leather jooti", "पुरुषों की {q}चमड़े की जूती", "f", (699, 1999),
          "A classic pointed jooti with a padded insole.",
          "गद्देदार तलवे वाली पारंपरिक नुकीली जूती।", "colour:leather", weight_grams=700,
          dims_mm=(300, 200, 100)),
        T("Women's {q}embroidered jooti", "महिलाओं की {q}कढ़ाईदार जूती", "f", (599, 1799),
          "A jooti with thread and bead embroidery.", "धागे और मोतियों की कढ़ाई वाली जूती।",
          "colour:rich", weight_grams=500, dims_mm=(280, 180, 90)),
        T("Wedding jooti", "शादी की {q}जूती", "f", (999, 2999),
          "A zari-worked jooti for the groom.", "दूल्हे के लिए ज़री के काम वाली जूती।",
          "colour:rich", weight_grams=700, dims_mm=(300, 200, 100)),
    ),
)

LOCKS = Craft(
    key="locks", odop_names=("Locks and Hardware",), category="hardware-tools", motif="tools",
    palettes=("slate", "brass"), community="metal", muslim_percent=50, vendors=WORKSHOPS,
    story=("lock making", "ताले बनाने"), material=("Brass and steel", "पीतल और स्टील"), hsn="8301",
    origin="made",
    about=(
        "Aligarh has made India's locks for over a century, many still assembled by hand.",
        "अलीगढ़ सौ साल से भी ज़्यादा से भारत के ताले बना रहा है; कई आज भी हाथ से जोड़े जाते हैं।",
    ),
    technique=(
        "Cast and hand assembled",
        "ढलाई और हाथ से जोड़ाई",
    ),
    templates=(
        T("Brass padlock with 3 keys", "3 चाबियों वाला {q}पीतल का ताला", "m", (249, 899),
          "A solid brass padlock with a hardened shackle.", "सख़्त कुंडे वाला ठोस पीतल का ताला।",
          "", weight_grams=350, dims_mm=(120, 80, 40)),
        T("Iron padlock", "लोहे का {q}ताला", "m", (149, 499),
          "A weatherproof padlock for gates and sheds.", "गेट और गोदाम के लिए मौसम-रोधी ताला।", "",
          weight_grams=400, dims_mm=(120, 80, 40)),
        T("Door aldrop", "दरवाज़े की {q}कुंडी", "f", (199, 699),
          "A heavy aldrop bolt for main doors.", "मुख्य दरवाज़े के लिए भारी कुंडी।", "",
          weight_grams=500, dims_mm=(300, 80, 40), hsn="8302"),
        T("Cupboard lock", "अलमारी का {q}ताला", "m", (199, 599),
          "A cam lock for steel and wooden cupboards.", "स्टील और लकड़ी की अलमारी के लिए ताला।", "",
          weight_grams=150, dims_mm=(100, 60, 40)),
    ),
)

FARM_TOOLS = Craft(
    key="farm-tools", odop_names=("Agricultural implements and accessories",),
    category="hardware-tools", motif="tools", palettes=("leaf", "slate"), community="metal",
    muslim_percent=35, vendors=WORKSHOPS, story=("blacksmithing", "लोहारी"),
    technique=("Hand forged", "हाथ से गढ़ा"), hsn="8201", origin="made",
    about=(
        "Baghpat's smithies forge farm tools that farmers in the region have trusted for decades.",
        "बागपत की लोहार भट्ठियाँ ऐसे औज़ार बनाती हैं जिन पर इलाक़े के किसान दशकों से भरोसा करते "
        "हैं।",
    ),
    material=(
        "Forged steel, wooden handle",
        "गढ़ा हुआ स्टील, लकड़ी का हत्था",
    ),
    templates=(
        T("Hand khurpi", "{q}खुरपी", "f", (149, 399), "A weeding tool with a forged blade.",
          "गढ़े फल वाली निराई की खुरपी।", "", weight_grams=300, dims_mm=(300, 80, 40)),
        T("Sickle", "{q}हँसिया", "m", (149, 449), "A serrated sickle for harvesting.",
          "कटाई के लिए दाँतेदार हँसिया।", "", weight_grams=300, dims_mm=(400, 150, 30)),
        T("Garden tool set", "बाग़वानी {q}औज़ार सेट", "m", (499, 1499),
          "A trowel, fork and khurpi in a cloth roll.", "कपड़े की थैली में खुरपा, काँटा और खुरपी।",
          "", variants="one", weight_grams=900),
        T("Spade (phawda)", "{q}फावड़ा", "m", (399, 999), "A heavy spade with a seasoned handle.",
          "पकी लकड़ी के हत्थे वाला भारी फावड़ा।", "", weight_grams=2200, dims_mm=(900, 250, 60)),
    ),
)

ENGINEERING = Craft(
    key="engineering", odop_names=("Engineering Goods",), category="hardware-tools", motif="tools",
    palettes=("slate", "indigo"), community="general", muslim_percent=25,
    vendors=(("company", 100),), story=("tool making", "औज़ार बनाने"),
    material=("Chrome vanadium steel", "क्रोम वैनेडियम स्टील"),
    technique=("Drop forged", "ड्रॉप फ़ोर्ज्ड"), hsn="8204", origin="made",
    about=(
        "Ghaziabad's engineering units make hand tools for workshops and homes.",
        "ग़ाज़ियाबाद की इंजीनियरिंग इकाइयाँ कारख़ानों और घरों के लिए हाथ के औज़ार बनाती हैं।",
    ),
    templates=(
        T("Combination spanner set", "{q}कॉम्बिनेशन स्पैनर सेट", "m", (699, 1999),
          "Eight spanners from 8 to 19 mm in a pouch.", "थैली में 8 से 19 मि.मी. के आठ स्पैनर।", "",
          variants="one", weight_grams=1200),
        T("Screwdriver set", "{q}पेचकस सेट", "m", (299, 899),
          "Six screwdrivers with magnetic tips.", "चुंबकीय नोक वाले छह पेचकस।", "", variants="one",
          hsn="8205", weight_grams=600),
        T("Bench vice", "{q}बेंच वाइस", "m", (1499, 3999), "A cast-iron vice with 100 mm jaws.",
          "100 मि.मी. जबड़ों वाला ढलवाँ लोहे का वाइस।", "", variants="one", hsn="8205",
          weight_grams=5500, dims_mm=(300, 200, 180)),
    ),
)

METAL_PRODUCTS = Craft(
    key="metal-products", odop_names=("Metal products",), category="hardware-tools", motif="tools",
    palettes=("slate", "terracotta"), community="metal", muslim_percent=35, vendors=WORKSHOPS,
    story=("metalwork", "धातु का काम"), material=("Iron", "लोहा"),
    technique=("Hand forged and cast", "हाथ से गढ़ाई और ढलाई"), hsn="7323", origin="made",
    about=(
        "Small foundries and smithies here make iron cookware the old way.",
        "यहाँ की छोटी ढलाईघर और लोहार भट्ठियाँ पुराने तरीक़े से लोहे के बर्तन बनाती हैं।",
    ),
    templates=(
        T("Iron tawa", "लोहे का {q}तवा", "m", (299, 899), "A heavy, pre-seasoned tawa for rotis.",
          "रोटियों के लिए पहले से तैयार भारी तवा।", "", variants="object", weight_grams=1500),
        T("Cast-iron kadhai", "ढलवाँ लोहे की {q}कड़ाही", "f", (799, 2499),
          "A deep kadhai that holds heat evenly.", "बराबर गर्मी रखने वाली गहरी कड़ाही।", "",
          variants="object", weight_grams=2800),
        T("Iron kitchen rack", "लोहे का {q}रसोई रैक", "m", (999, 2999),
          "A three-tier powder-coated rack.", "तीन खानों वाला पाउडर-कोटेड रैक।", "colour:leather",
          variants="one", weight_grams=4000, dims_mm=(600, 400, 120)),
    ),
)

ALUMINIUM = Craft(
    key="aluminium", odop_names=("Aluminium Utensils",), category="hardware-tools", motif="tools",
    palettes=("slate", "teal"), community="metal", muslim_percent=30, vendors=WORKSHOPS,
    story=("utensil making", "बर्तन बनाने"), material=("Aluminium", "एल्युमिनियम"),
    technique=("Spun and pressed", "स्पिनिंग और प्रेसिंग"), hsn="7615", origin="made",
    about=(
        "Kanpur Dehat's units spin and press aluminium into cookware for every Indian kitchen.",
        "कानपुर देहात की इकाइयाँ एल्युमिनियम को घुमाकर और दबाकर हर रसोई के बर्तन बनाती हैं।",
    ),
    templates=(
        T("Aluminium patila", "एल्युमिनियम का {q}पतीला", "m", (249, 799),
          "A cooking pot with a lid.", "ढक्कन वाला पतीला।", "", variants="pot", weight_grams=600),
        T("Aluminium kadhai", "एल्युमिनियम की {q}कड़ाही", "f", (299, 899),
          "A light kadhai with riveted handles.", "रिवेट लगे हत्थों वाली हल्की कड़ाही।", "",
          variants="pot", weight_grams=700),
        T("Aluminium pressure cooker", "एल्युमिनियम {q}प्रेशर कुकर", "m", (999, 2499),
          "An inner-lid pressure cooker with a safety valve.",
          "सेफ़्टी वाल्व वाला इनर-लिड प्रेशर कुकर।", "", variants="cooker", weight_grams=1800,
          dims_mm=(350, 250, 200)),
        T("Aluminium tiffin box", "एल्युमिनियम का {q}टिफ़िन डिब्बा", "m", (299, 799),
          "A three-tier tiffin with a clip handle.", "क्लिप वाले हत्थे का तीन डिब्बों वाला टिफ़िन।",
          "", variants="one", weight_grams=600),
    ),
)

SANITARY = Craft(
    key="sanitary", odop_names=("Sanitary Fittings",), category="hardware-tools", motif="tools",
    palettes=("slate", "brass", "teal"), community="metal", muslim_percent=30,
    vendors=(("company", 100),), story=("brass fitting making", "पीतल की फ़िटिंग"),
    material=("Brass, chrome plated", "क्रोम चढ़ा पीतल"),
    technique=("Cast and machined", "ढलाई और मशीनिंग"), hsn="8481", origin="made",
    about=(
        "Mathura's brass foundries make taps and valves sold across north India.",
        "मथुरा की पीतल ढलाई इकाइयाँ उत्तर भारत भर में बिकने वाली टोंटियाँ और वाल्व बनाती हैं।",
    ),
    templates=(
        T("Brass pillar tap", "पीतल की {q}पिलर टोंटी", "f", (699, 1999),
          "A wash-basin tap with a quarter-turn ceramic disc.",
          "क्वार्टर-टर्न सिरेमिक डिस्क वाली वॉश-बेसिन टोंटी।", "", weight_grams=700,
          dims_mm=(200, 150, 80)),
        T("Brass bib cock", "पीतल की {q}बिब कॉक", "f", (399, 1299),
          "A wall-mounted tap for bathrooms and gardens.",
          "बाथरूम और बग़ीचे के लिए दीवार पर लगने वाली टोंटी।", "", weight_grams=500,
          dims_mm=(180, 120, 80)),
        T("Overhead shower", "{q}ओवरहेड शावर", "m", (599, 1999),
          "A 6-inch shower head with an arm.", "आर्म सहित 6 इंच का शावर।", "", weight_grams=800,
          dims_mm=(300, 200, 100)),
        T("Brass angle valve", "पीतल का {q}एंगल वाल्व", "m", (249, 699),
          "An angle valve for basins and cisterns.", "बेसिन और टंकी के लिए एंगल वाल्व।", "",
          weight_grams=300, dims_mm=(120, 80, 60)),
    ),
)

SPORTS = Craft(
    key="sports", odop_names=("Sports Products",), category="toys-sports", motif="toys",
    palettes=("leaf", "madder", "indigo"), community="general", muslim_percent=30,
    vendors=WORKSHOPS, story=("sports goods making", "खेल के सामान"),
    material=("Willow, leather and cork", "विलो, चमड़ा और कॉर्क"),
    technique=("Hand crafted", "हाथ से बना"), hsn="9506", origin="made",
    about=(
        "Meerut makes cricket bats, balls and kit used from village grounds to test matches.",
        "मेरठ के बने बल्ले, गेंदें और किट गाँव के मैदान से टेस्ट मैच तक इस्तेमाल होते हैं।",
    ),
    templates=(
        T("Kashmir willow cricket bat", "कश्मीर विलो {q}क्रिकेट बैट", "m", (1499, 4999),
          "A full-cane handle bat, knocked in and ready.",
          "पूरे केन हैंडल वाला, तैयार किया हुआ बल्ला।", "", variants="bat", weight_grams=1300,
          dims_mm=(880, 120, 80)),
        T("English willow cricket bat", "इंग्लिश विलो {q}क्रिकेट बैट", "m", (5999, 18999),
          "A graded English willow bat with straight grains.",
          "सीधी धारियों वाला ग्रेडेड इंग्लिश विलो बल्ला।", "", variants="bat", weight_grams=1250,
          dims_mm=(880, 120, 80)),
        T("Leather cricket ball", "चमड़े की {q}क्रिकेट गेंद", "f", (349, 1299),
          "A four-piece, hand-stitched ball.", "हाथ से सिली चार टुकड़ों वाली गेंद।", "colour:toy",
          variants="count", weight_grams=200, dims_mm=(100, 100, 100)),
        T("Hand-stitched football", "हाथ से सिली {q}फ़ुटबॉल", "f", (599, 1799),
          "A size-5 football with 32 panels.", "32 टुकड़ों वाली साइज़ 5 फ़ुटबॉल।", "colour:toy",
          variants="one", weight_grams=500, dims_mm=(230, 230, 230)),
        T("Badminton racquet", "{q}बैडमिंटन रैकेट", "m", (499, 2499),
          "A light aluminium-frame racquet with a cover.",
          "कवर के साथ हल्का एल्युमिनियम फ़्रेम रैकेट।", "colour:toy", variants="count",
          weight_grams=300, dims_mm=(700, 250, 40)),
        T("Boxing gloves", "{q}बॉक्सिंग दस्ताने", "mp", (899, 2999),
          "Padded gloves with a Velcro strap.", "वेल्क्रो पट्टी वाले गद्देदार दस्ताने।",
          "colour:toy", variants="one", weight_grams=800, dims_mm=(350, 250, 150)),
    ),
)

RIMS_AXLES = Craft(
    key="rims-axles", odop_names=("Rims and Axles (iron)",), category="hardware-tools",
    motif="tools", palettes=("slate", "terracotta"), community="metal", muslim_percent=40,
    vendors=WORKSHOPS, story=("rim and axle making", "रिम और धुरे"),
    material=("Mild steel", "माइल्ड स्टील"), technique=("Rolled and welded", "रोलिंग और वेल्डिंग"),
    hsn="8714", variants="one", origin="made",
    about=(
        "Shamli's iron works make rims and axles for carts, trolleys and rickshaws.",
        "शामली के लोहे के कारख़ाने ठेलों, ट्रॉलियों और रिक्शों के लिए रिम और धुरे बनाते हैं।",
    ),
    templates=(
        T("Handcart wheel with axle", "धुरे सहित {q}ठेले का पहिया", "m", (1499, 3999),
          "A steel rim wheel with a bearing and axle.", "बेयरिंग और धुरे सहित स्टील रिम का पहिया।",
          "", weight_grams=9000, dims_mm=(600, 600, 150), hsn="8716"),
        T("Wheelbarrow wheel rim", "{q}हाथ-ठेले का रिम", "m", (599, 1499),
          "A replacement rim for a standard wheelbarrow.", "आम हाथ-ठेले के लिए बदलने वाला रिम।", "",
          weight_grams=3500, dims_mm=(400, 400, 100), hsn="8716"),
        T("Trolley axle set", "{q}ट्रॉली धुरा सेट", "m", (1999, 4999),
          "An axle with hubs for a small farm trolley.", "छोटी खेती ट्रॉली के लिए हब सहित धुरा।",
          "", weight_grams=14000, dims_mm=(1200, 200, 200), hsn="8716"),
    ),
)

PETHA = Craft(
    key="petha", odop_names=("Petha industry",), category="food-agro", motif="food",
    palettes=("saffron", "leaf", "rose"), community="trade", muslim_percent=20, vendors=WORKSHOPS,
    story=("petha making", "पेठा"), material=("Ash gourd, sugar", "पेठा कद्दू, चीनी"), hsn="2008",
    origin="made",
    about=(
        "Agra's petha is ash gourd slow-cooked in sugar syrup, a sweet as famous as the Taj.",
        "आगरा का पेठा चाशनी में धीमे पकाया पेठा कद्दू है, जो ताजमहल जितना ही मशहूर है।",
    ),
    technique=(
        "Slow cooked in syrup",
        "चाशनी में धीमी आँच पर पका",
    ),
    templates=(
        T("Angoori petha", "अंगूरी पेठा", "m", (149, 399),
          "Small, juicy petha cubes in light syrup.", "हल्की चाशनी में छोटे, रसीले पेठे।", ""),
        T("Kesar petha", "केसर पेठा", "m", (179, 449), "Saffron-flavoured dry petha.",
          "केसर की ख़ुशबू वाला सूखा पेठा।", ""),
        T("Paan petha", "पान पेठा", "m", (179, 449), "Petha with a gulkand and betel-leaf filling.",
          "गुलकंद और पान की भरावन वाला पेठा।", ""),
        T("Dry fruit petha", "मेवा पेठा", "m", (229, 599), "Petha stuffed with nuts.",
          "मेवों से भरा पेठा।", ""),
    ),
)

GHEE = Craft(
    key="ghee", odop_names=("Food Processing (Desi Ghee)",), category="food-agro", motif="food",
    palettes=("saffron", "brass"), community="farm", muslim_percent=10, vendors=FARMERS,
    story=("ghee making", "देसी घी"), material=("Milk fat", "दूध की वसा"),
    technique=("Bilona method", "बिलोना विधि"), hsn="0405", variants="liquid", origin="farm",
    about=(
        "Auraiya's dairies make ghee the slow way, from curd churned into butter.",
        "औरैया की डेयरियाँ दही मथकर निकाले मक्खन से धीमी आँच पर घी बनाती हैं।",
    ),
    templates=(
        T("Desi cow ghee", "देसी गाय का घी", "m", (599, 999),
          "Granular, aromatic cow ghee in a glass jar.",
          "काँच के जार में दानेदार, ख़ुशबूदार गाय का घी।", ""),
        T("Buffalo ghee", "भैंस का घी", "m", (549, 899), "Rich, white buffalo ghee for sweets.",
          "मिठाइयों के लिए गाढ़ा, सफ़ेद भैंस का घी।", ""),
        T("Bilona A2 ghee", "बिलोना A2 घी", "m", (999, 1899),
          "Hand-churned ghee from desi cow milk.", "देसी गाय के दूध से हाथ से मथा घी।", ""),
    ),
)

JAGGERY = Craft(
    key="jaggery", odop_names=("Jaggery (Gur)",), category="food-agro", motif="food",
    palettes=("saffron", "walnut", "leaf"), community="farm", muslim_percent=25, vendors=FARMERS,
    story=("jaggery making", "गुड़"), material=("Sugarcane", "गन्ना"),
    technique=("Open-pan boiled", "खुले कड़ाह में पका"), hsn="17011410", origin="farm",
    about=(
        "Sugarcane juice is boiled down in open pans at the kolhu until it sets into gur.",
        "कोल्हू पर गन्ने का रस खुले कड़ाहों में तब तक उबाला जाता है जब तक वह गुड़ न बन जाए।",
    ),
    templates=(
        T("Chemical-free jaggery", "बिना केमिकल का गुड़", "m", (99, 249),
          "Dark, soft gur made without bleaching agents.",
          "बिना ब्लीच के बना गहरे रंग का नरम गुड़।", "", variants="bulk"),
        T("Jaggery powder", "गुड़ पाउडर (शक्कर)", "m", (89, 229),
          "Free-flowing shakkar for tea and sweets.", "चाय और मिठाई के लिए भुरभुरी शक्कर।", ""),
        T("Jaggery cubes", "गुड़ की डलियाँ", "fp", (89, 229), "Bite-sized cubes to end a meal.",
          "खाने के बाद के लिए छोटी डलियाँ।", ""),
        T("Gur with dry fruits", "मेवे वाला गुड़", "m", (199, 449),
          "Gur set with almonds, cashews and fennel.", "बादाम, काजू और सौंफ़ मिला गुड़।", ""),
    ),
)

SATTU = Craft(
    key="sattu", odop_names=("Sattu products",), category="food-agro", motif="food",
    palettes=("saffron", "leaf"), community="farm", muslim_percent=10, vendors=FARMERS,
    story=("sattu milling", "सत्तू"), material=("Roasted gram", "भुना चना"), hsn="1106",
    origin="farm",
    about=(
        "Sattu is roasted gram ground fine, Ballia's cooling summer food.",
        "भुने चने को बारीक पीसकर बना सत्तू बलिया का गर्मियों का ठंडक देने वाला भोजन है।",
    ),
    technique=(
        "Sand roasted and stone ground",
        "बालू में भुना, चक्की पिसा",
    ),
    templates=(
        T("Chana sattu", "चने का सत्तू", "m", (79, 199), "Pure roasted-gram sattu.",
          "शुद्ध भुने चने का सत्तू।", "", variants="bulk"),
        T("Jau-chana sattu", "जौ-चने का सत्तू", "m", (89, 219),
          "Barley and gram sattu, lighter on the stomach.", "जौ और चने का सत्तू, पेट के लिए हल्का।",
          ""),
        T("Masala sattu drink mix", "मसाला सत्तू घोल", "m", (99, 249),
          "Sattu with roasted cumin and black salt, just add water.",
          "भुना जीरा और काला नमक मिला सत्तू, बस पानी मिलाइए।", ""),
    ),
)

PULSES = Craft(
    key="pulses", category="food-agro", motif="food", palettes=("saffron", "leaf", "terracotta"),
    community="farm", muslim_percent=15, vendors=FARMERS, story=("dal milling", "दाल"),
    material=("Pulses", "दालें"), hsn="0713", variants="bulk", origin="farm",
    odop_names=(
        "Food Processing (Pulses/Lentil)",
        "Food Processing (Pulses)",
    ),
    about=(
        "The Terai districts grow and mill pulses, sold here unpolished.",
        "तराई के ज़िले दालें उगाते और दलते हैं; यहाँ बिना पॉलिश की दाल मिलती है।",
    ),
    technique=(
        "Unpolished, stone milled",
        "बिना पॉलिश, चक्की दली",
    ),
    templates=(
        T("Unpolished arhar dal", "बिना पॉलिश की अरहर दाल", "f", (149, 249),
          "Toor dal with its natural taste intact.", "अपने असली स्वाद वाली अरहर दाल।", ""),
        T("Masoor dal", "मसूर दाल", "f", (109, 179), "Red lentils that cook fast.",
          "जल्दी गलने वाली लाल मसूर।", ""),
        T("Moong dal", "मूंग दाल", "f", (119, 199), "Split yellow moong.", "धुली पीली मूंग।", ""),
        T("Chana dal", "चना दाल", "f", (99, 169), "Split Bengal gram.", "दली हुई चने की दाल।", ""),
    ),
)

CHICORY = Craft(
    key="chicory", odop_names=("Chicory products",), category="food-agro", motif="food",
    palettes=("walnut", "saffron"), community="farm", muslim_percent=20, vendors=FARMERS,
    story=("chicory farming", "चिकोरी"), material=("Chicory root", "चिकोरी की जड़"),
    technique=("Roasted and ground", "भुनी और पिसी"), hsn="2101", origin="farm",
    about=(
        "Etah grows most of India's chicory, roasted to blend with coffee.",
        "एटा देश की ज़्यादातर चिकोरी उगाता है, जिसे भूनकर कॉफ़ी में मिलाया जाता है।",
    ),
    templates=(
        T("Roasted chicory powder", "भुनी चिकोरी पाउडर", "m", (99, 249),
          "Add to filter coffee for body and colour.",
          "फ़िल्टर कॉफ़ी में गाढ़ापन और रंग के लिए मिलाएँ।", ""),
        T("Coffee-chicory blend", "कॉफ़ी-चिकोरी मिश्रण", "m", (149, 399),
          "A south-Indian style 80:20 blend.", "दक्षिण भारतीय शैली का 80:20 मिश्रण।", ""),
    ),
)

FOOD_GENERIC = Craft(
    key="food-processing", odop_names=("Food processing",), category="food-agro", motif="food",
    palettes=("saffron", "madder", "leaf"), community="farm", muslim_percent=25, vendors=FARMERS,
    story=("food processing", "खाद्य प्रसंस्करण"), material=("Local produce", "स्थानीय उपज"),
    technique=("Home-style recipe", "घरेलू विधि"), hsn="2001", origin="farm",
    about=(
        "Home kitchens and small units here make pickles, papad and namkeen by traditional "
        "recipes.",
        "यहाँ के घरेलू रसोईघर और छोटी इकाइयाँ पारंपरिक तरीक़ों से अचार, पापड़ और नमकीन बनाती हैं।",
    ),
    templates=(
        T("Homemade mango pickle", "घर का बना आम का अचार", "m", (149, 349),
          "Raw mango in mustard oil and spices.", "सरसों के तेल और मसालों में कच्चा आम।", ""),
        T("Moong dal papad", "मूंग दाल के पापड़", "mp", (99, 249), "Sun-dried papad, roast or fry.",
          "धूप में सूखे पापड़, सेंकें या तलें।", "", hsn="1905"),
        T("Aloo bhujia", "आलू भुजिया", "f", (99, 249), "Crisp potato sev with a mild spice.",
          "हल्के मसाले वाली कुरकुरी आलू सेव।", "", hsn="2106"),
        T("Mixed vegetable pickle", "मिक्स सब्ज़ी का अचार", "m", (149, 349),
          "Carrot, cauliflower and chilli in mustard oil.", "सरसों के तेल में गाजर, गोभी और मिर्च।",
          ""),
    ),
)

HING = Craft(
    key="hing", odop_names=("Hing (Asafoetida)",), category="food-agro", motif="food",
    palettes=("saffron", "brass"), community="trade", muslim_percent=25, vendors=WORKSHOPS,
    story=("hing processing", "हींग"), material=("Asafoetida resin", "हींग की राल"),
    technique=("Hand compounded", "हाथ से तैयार"), hsn="1301", variants="small_pack", origin="made",
    about=(
        "Hathras processes raw asafoetida resin into the hing used across Indian kitchens.",
        "हाथरस में हींग की कच्ची राल से वह हींग तैयार होती है जो देश भर की रसोई में इस्तेमाल "
        "होती है।",
    ),
    templates=(
        T("Strong hing", "तेज़ हींग", "f", (149, 499),
          "Compounded hing, a pinch is enough for a dal.", "एक चुटकी एक दाल के लिए काफ़ी।", ""),
        T("Hing powder", "हींग पाउडर", "m", (99, 349), "Fine hing powder in a shaker jar.",
          "छिड़कने वाली डिब्बी में बारीक हींग।", ""),
        T("Hing digestive goli", "हींग की {q}गोलियाँ", "fp", (79, 199),
          "Chatpata hing tablets for after meals.", "खाने के बाद की चटपटी हींग गोलियाँ।", "",
          hsn="2106"),
    ),
)

BANANA_FOOD = Craft(
    key="banana-food", odop_names=("Food Processing (Banana)",), category="food-agro", motif="food",
    palettes=("leaf", "saffron"), community="farm", muslim_percent=15, vendors=FARMERS,
    story=("banana farming", "केले"), material=("Banana", "केला"), hsn="2008", origin="farm",
    about=(
        "Kaushambi's banana farmers turn surplus fruit into chips and flour.",
        "कौशाम्बी के केला किसान बचे हुए फलों से चिप्स और आटा बनाते हैं।",
    ),
    technique=(
        "Sliced and dried or fried",
        "कटाई, सुखाई या तलाई",
    ),
    templates=(
        T("Banana chips", "केले के चिप्स", "mp", (99, 249), "Thin chips fried in groundnut oil.",
          "मूंगफली के तेल में तले पतले चिप्स।", ""),
        T("Raw banana flour", "कच्चे केले का आटा", "m", (149, 349),
          "Gluten-free flour for rotis and baking.", "रोटी और बेकिंग के लिए ग्लूटेन-रहित आटा।", "",
          hsn="1106"),
        T("Dried banana figs", "सूखे केले", "mp", (149, 349), "Sun-dried banana, naturally sweet.",
          "धूप में सुखाया, कुदरती मीठा केला।", ""),
    ),
)

BUNDELKHAND_FOOD = Craft(
    key="bundelkhand-food", odop_names=("Food items",), category="food-agro", motif="food",
    palettes=("terracotta", "saffron"), community="farm", muslim_percent=10, vendors=FARMERS,
    story=("food processing", "खाद्य प्रसंस्करण"),
    material=("Local grain and pulses", "स्थानीय अनाज और दालें"), hsn="1101", origin="farm",
    about=(
        "Bundelkhand's women's groups sell stone-ground flour and sun-dried foods.",
        "बुंदेलखंड के महिला समूह चक्की का आटा और धूप में सुखाए खाद्य पदार्थ बेचते हैं।",
    ),
    technique=(
        "Stone ground and sun dried",
        "चक्की पिसा, धूप में सुखाया",
    ),
    templates=(
        T("Chakki atta", "चक्की आटा", "m", (199, 449),
          "Whole-wheat flour ground on a stone chakki.", "पत्थर की चक्की पर पिसा गेहूं का आटा।", "",
          variants="bulk"),
        T("Moong mangodi", "मूंग की मंगौड़ी", "fp", (99, 249),
          "Sun-dried lentil dumplings for curries.",
          "सब्ज़ी में डालने के लिए धूप में सूखी दाल की बड़ियाँ।", "", hsn="2106"),
        T("Mahua laddoo", "महुआ के लड्डू", "mp", (199, 449),
          "Laddoos made with mahua flowers and jaggery.", "महुआ के फूल और गुड़ से बने लड्डू।", "",
          hsn="2106"),
    ),
)

AMLA = Craft(
    key="amla", odop_names=("Aonla (Amla) Products",), category="food-agro", motif="food",
    palettes=("leaf", "saffron"), community="farm", muslim_percent=15, vendors=FARMERS,
    story=("amla processing", "आंवला"), material=("Amla", "आंवला"),
    technique=("Traditional recipe", "पारंपरिक विधि"), hsn="2008", origin="farm",
    about=(
        "Pratapgarh is India's amla country; its fruit goes into murabba, candy and juice.",
        "प्रतापगढ़ देश का आंवला इलाक़ा है; यहाँ के आंवले से मुरब्बा, कैंडी और जूस बनता है।",
    ),
    templates=(
        T("Amla murabba", "आंवला मुरब्बा", "m", (149, 349), "Whole amla preserved in syrup.",
          "चाशनी में डूबे साबुत आंवले।", ""),
        T("Amla candy", "आंवला कैंडी", "f", (99, 249), "Sweet and tangy dried amla pieces.",
          "खट्टे-मीठे सूखे आंवले के टुकड़े।", ""),
        T("Amla juice", "आंवला जूस", "m", (149, 349), "Cold-pressed amla juice, no added sugar.",
          "बिना चीनी का कोल्ड-प्रेस्ड आंवला जूस।", "", variants="liquid", hsn="2009"),
        T("Amla pickle", "आंवले का अचार", "m", (129, 299), "Amla in mustard oil and spices.",
          "सरसों के तेल और मसालों में आंवला।", "", hsn="2001"),
        T("Amla powder", "आंवला पाउडर", "m", (99, 249), "Dried amla powder for hair and health.",
          "बालों और सेहत के लिए सूखा आंवला पाउडर।", "", variants="small_pack"),
    ),
)

KALA_NAMAK = Craft(
    key="kala-namak", odop_names=("Kala Namak Rice",), category="food-agro", motif="food",
    palettes=("slate", "leaf", "saffron"), community="farm", muslim_percent=10, vendors=FARMERS,
    story=("kala namak rice farming", "काला नमक धान"),
    material=("Kala namak rice", "काला नमक चावल"), hsn="1006", variants="bulk", origin="farm",
    about=(
        "Kala namak is a GI-tagged scented rice with a black husk, grown around Siddharthnagar "
        "since the Buddha's time.",
        "काला नमक काली भूसी वाला ख़ुशबूदार, जीआई टैग प्राप्त चावल है, जो बुद्ध के समय से "
        "सिद्धार्थनगर के आसपास उगता है।",
    ),
    technique=(
        "Aged and hand sorted",
        "पुराना किया, हाथ से छँटा",
    ),
    templates=(
        T("Aged kala namak rice", "पुराना काला नमक चावल", "m", (149, 299),
          "Aged for a year for a fluffier grain.", "एक साल पुराना, ताकि दाना और खिले।", ""),
        T("Brown kala namak rice", "ब्राउन काला नमक चावल", "m", (169, 329),
          "Unpolished rice with its bran intact.", "चोकर सहित बिना पॉलिश का चावल।", ""),
        T("Kala namak poha", "काला नमक पोहा", "m", (99, 199), "Flattened rice for breakfast.",
          "नाश्ते के लिए पोहा।", "", variants="pack", hsn="1904"),
    ),
)
# fmt: on

CRAFTS: tuple[Craft, ...] = (
    LEATHER,
    FOOTWEAR,
    JOOTI,
    LOCKS,
    FARM_TOOLS,
    ENGINEERING,
    METAL_PRODUCTS,
    ALUMINIUM,
    SANITARY,
    SPORTS,
    RIMS_AXLES,
    PETHA,
    GHEE,
    JAGGERY,
    SATTU,
    PULSES,
    CHICORY,
    FOOD_GENERIC,
    HING,
    BANANA_FOOD,
    BUNDELKHAND_FOOD,
    AMLA,
    KALA_NAMAK,
)
