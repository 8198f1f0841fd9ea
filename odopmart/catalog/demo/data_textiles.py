"""Demo crafts: sarees, embroidery, clothing, handloom and home textiles, carpets and durries."""

from __future__ import annotations

from odopmart.catalog.demo.crafts import WEAVERS, WORKSHOPS, Craft, T

# fmt: off
CHIKANKARI = Craft(
    key="chikankari", odop_names=("Chikankari and Zari Zardozi",), category="clothing",
    motif="buti", palettes=("rose", "indigo", "leaf", "madder"), community="embroidery",
    muslim_percent=60, story=("chikankari", "चिकनकारी"), material=("Cotton", "सूती कपड़ा"),
    technique=("Hand chikan embroidery", "हाथ की चिकन कढ़ाई"), hsn="6204", vendors=WEAVERS,
    about=(
        "Lucknow's chikankari is white-on-white shadow embroidery done by hand, stitch by stitch.",
        "लखनऊ की चिकनकारी हाथ से, एक-एक टाँके से की जाने वाली नाज़ुक कढ़ाई है।",
    ),
    templates=(
        T("Chikankari cotton kurta", "चिकनकारी सूती कुर्ता", "m", (1199, 3999),
          "A breathable straight kurta for everyday summer wear.",
          "गर्मियों में रोज़ पहनने के लिए हवादार, सीधा कुर्ता।", "colour:pastel design:chikan"),
        T("Chikan georgette saree", "चिकन जॉर्जेट साड़ी", "f", (3499, 12999),
          "A light georgette saree embroidered all over, with a matching border.",
          "पूरी साड़ी पर कढ़ाई और मेल खाता बॉर्डर; हल्की जॉर्जेट में।",
          "colour:pastel design:chikan", category="sarees-silk", hsn="5407", variants="saree",
          material=("Georgette", "जॉर्जेट")),
        T("Chikankari dupatta", "चिकनकारी दुपट्टा", "m", (899, 2999),
          "A soft mulmul dupatta with a scalloped, hand-finished edge.",
          "किनारों पर हाथ की फ़िनिशिंग वाला मुलायम मलमल का दुपट्टा।", "colour:pastel design:chikan",
          variants="free", hsn="6214", material=("Mulmul cotton", "मलमल")),
        T("Men's {q}chikan kurta", "पुरुषों का {q}चिकन कुर्ता", "m", (1499, 4499),
          "A classic men's kurta with embroidery down the placket.",
          "बटन पट्टी पर कढ़ाई वाला पुरुषों का पारंपरिक कुर्ता।", "colour:pastel design:chikan",
          hsn="6203"),
        T("Chikankari kurta and palazzo set", "चिकनकारी कुर्ता-प्लाज़ो सेट", "m", (2499, 6999),
          "A kurta with matching palazzo trousers, both embroidered.",
          "कढ़ाई वाले कुर्ते के साथ मेल खाता प्लाज़ो।", "colour:pastel design:chikan"),
        T("Zardozi clutch bag", "ज़रदोज़ी क्लच बैग", "m", (999, 3499),
          "An evening clutch covered in raised metallic-thread zardozi.",
          "उभरी हुई ज़री की ज़रदोज़ी से ढका शाम का क्लच।", "colour:rich design:zari",
          variants="one", hsn="4202", weight_grams=300, dims_mm=(250, 150, 60),
          material=("Velvet", "मख़मल"), technique=("Hand zardozi", "हाथ की ज़रदोज़ी")),
    ),
)

ZARDOZI = Craft(
    key="zardozi", odop_names=("Zari-Zardozi",), category="clothing", motif="buti",
    palettes=("madder", "indigo", "brass"), community="embroidery", muslim_percent=70,
    story=("zari-zardozi", "ज़री-ज़रदोज़ी"), material=("Velvet and silk", "मख़मल और रेशम"),
    hsn="58", vendors=WEAVERS,
    about=(
        "Zardozi is raised embroidery in gold and silver thread, beads and sequins, worked on a "
        "frame.",
        "ज़रदोज़ी अड्डे पर तनी कपड़े पर सुनहरे-रुपहले तार, मोती और सितारों से की जाने वाली उभरी "
        "कढ़ाई है।",
    ),
    technique=(
        "Hand zardozi on an adda frame",
        "अड्डे पर हाथ की ज़रदोज़ी",
    ),
    templates=(
        T("Zardozi potli bag", "ज़रदोज़ी पोटली बैग", "m", (599, 1999),
          "A drawstring potli for weddings and festivals.",
          "शादी-ब्याह और त्योहारों के लिए डोरी वाली पोटली।", "colour:rich design:zari",
          variants="one", hsn="4202", weight_grams=200, dims_mm=(220, 160, 50)),
        T("Zardozi embroidered dupatta", "ज़रदोज़ी दुपट्टा", "m", (1499, 5999),
          "A georgette dupatta with a heavy zardozi border and scattered butis.",
          "भारी ज़रदोज़ी बॉर्डर और बिखरी बूटियों वाला जॉर्जेट दुपट्टा।", "colour:rich design:zari",
          variants="free", hsn="6214"),
        T("Zardozi wall hanging", "ज़रदोज़ी वॉल हैंगिंग", "f", (1299, 4999),
          "A framed zardozi panel for the living room.",
          "बैठक की दीवार के लिए फ़्रेम में जड़ी ज़रदोज़ी।", "colour:rich design:zari",
          variants="object", category="art-stone-tribal", weight_grams=900, dims_mm=(450, 350, 40)),
        T("Zardozi cushion cover", "ज़रदोज़ी कुशन कवर", "m", (699, 2499),
          "A velvet cushion cover with a zardozi medallion.",
          "बीच में ज़रदोज़ी मेडलियन वाला मख़मली कुशन कवर।", "colour:rich design:zari",
          variants="cushion", category="home-textiles", hsn="6304", weight_grams=300),
        T("Zardozi bridal clutch", "ज़रदोज़ी दुल्हन क्लच", "m", (1299, 3999),
          "A box clutch worked densely in zari and pearls.",
          "ज़री और मोतियों के घने काम वाला बॉक्स क्लच।", "colour:rich design:zari", variants="one",
          hsn="4202", weight_grams=350, dims_mm=(240, 140, 70)),
    ),
)

ZARI_WORK = Craft(
    key="zari-work", odop_names=("Zari work",), category="clothing", motif="buti",
    palettes=("brass", "madder"), community="embroidery", muslim_percent=60,
    story=("zari work", "ज़री"), material=("Silk", "रेशम"),
    technique=("Hand zari work", "हाथ का ज़री काम"), hsn="58", vendors=WEAVERS,
    about=(
        "Farrukhabad's zari workers couch metallic thread onto silk and net.",
        "फ़र्रुख़ाबाद के कारीगर रेशम और नेट पर ज़री के तार टाँकते हैं।",
    ),
    templates=(
        T("Zari border dupatta", "ज़री बॉर्डर वाला {q}दुपट्टा", "m", (799, 2999),
          "A net dupatta with a broad hand-worked zari border.",
          "हाथ से बने चौड़े ज़री बॉर्डर वाला नेट दुपट्टा।", "colour:rich", variants="free",
          hsn="6214"),
        T("Zari embroidered blouse piece", "ज़री कढ़ाई वाला {q}ब्लाउज़ पीस", "m", (499, 1799),
          "An unstitched blouse piece with zari on the sleeves and back.",
          "बाँहों और पीठ पर ज़री वाला बिना सिला ब्लाउज़ पीस।", "colour:rich", variants="free",
          weight_grams=150),
        T("Zari potli", "ज़री की {q}पोटली", "f", (399, 1299),
          "A small gift potli for shagun and sweets.", "शगुन और मिठाई के लिए छोटी पोटली।",
          "colour:rich", variants="set", hsn="4202", weight_grams=120),
    ),
)

BANARASI = Craft(
    key="banarasi", odop_names=("Banarasi Silk Sarees",), category="sarees-silk", motif="weave",
    palettes=("madder", "brass", "indigo", "teal"), community="weaving", muslim_percent=65,
    story=("Banarasi weaving", "बनारसी बुनाई"),
    material=("Pure silk with zari", "शुद्ध रेशम और ज़री"),
    technique=("Handloom weaving", "हथकरघा बुनाई"), hsn="5007", vendors=WEAVERS,
    about=(
        "Banarasi silk is woven on handlooms in Varanasi, with patterns lifted in zari by the "
        "weaver.",
        "बनारसी रेशम वाराणसी के हथकरघों पर बुना जाता है; डिज़ाइन बुनकर ज़री से उभारता है।",
    ),
    templates=(
        T("Banarasi katan silk saree", "बनारसी कतान सिल्क साड़ी", "f", (6999, 24999),
          "A pure katan silk saree with a zari pallu and border.",
          "ज़री के पल्लू और बॉर्डर वाली शुद्ध कतान सिल्क साड़ी।", "colour:rich design:banarasi"),
        T("Banarasi organza saree", "बनारसी ऑर्गेंज़ा साड़ी", "f", (4499, 14999),
          "A sheer organza saree, light enough for summer weddings.",
          "गर्मियों की शादियों के लिए हल्की, पारदर्शी ऑर्गेंज़ा साड़ी।",
          "colour:pastel design:banarasi"),
        T("Banarasi tussar silk saree", "बनारसी टसर सिल्क साड़ी", "f", (4999, 15999),
          "A textured tussar saree with a woven zari border.",
          "बुने हुए ज़री बॉर्डर वाली खुरदरी बनावट की टसर साड़ी।", "colour:earthy design:banarasi"),
        T("Banarasi silk dupatta", "बनारसी सिल्क दुपट्टा", "m", (1999, 6999),
          "A silk dupatta with woven butis and a heavy pallu.",
          "बुनी हुई बूटियों और भारी पल्लू वाला रेशमी दुपट्टा।", "colour:rich design:banarasi",
          variants="free", hsn="6214", weight_grams=250),
        T("Banarasi brocade fabric", "बनारसी ब्रोकेड कपड़ा", "m", (899, 2999),
          "Brocade by the metre for lehengas, jackets and cushions.",
          "लहंगे, जैकेट और कुशन के लिए मीटर के हिसाब से ब्रोकेड।", "colour:rich design:banarasi",
          variants="metre", weight_grams=180),
    ),
)

MUBARAKPUR = Craft(
    key="mubarakpur", odop_names=("Silk sarees (Mubarakpur)",), category="sarees-silk",
    motif="weave", palettes=("teal", "madder", "brass"), community="weaving", muslim_percent=80,
    story=("silk weaving", "रेशम बुनाई"), material=("Silk", "रेशम"),
    technique=("Handloom weaving", "हथकरघा बुनाई"), hsn="5007", vendors=WEAVERS,
    about=(
        "Mubarakpur's weavers in Azamgarh have made silk sarees for the Banaras market for "
        "generations.",
        "आज़मगढ़ के मुबारकपुर के बुनकर पीढ़ियों से बनारस के बाज़ार के लिए रेशमी साड़ियाँ बुनते "
        "हैं।",
    ),
    templates=(
        T("Mubarakpur silk saree", "मुबारकपुर सिल्क साड़ी", "f", (3999, 12999),
          "A handloom silk saree with a contrast zari border.",
          "कंट्रास्ट ज़री बॉर्डर वाली हथकरघा रेशमी साड़ी।", "colour:rich design:banarasi"),
        T("Mubarakpur silk-cotton saree", "मुबारकपुर सिल्क-कॉटन साड़ी", "f", (1999, 5999),
          "A lighter silk-cotton saree for daily wear.",
          "रोज़ पहनने के लिए हल्की सिल्क-कॉटन साड़ी।", "colour:earthy"),
        T("Mubarakpur silk stole", "मुबारकपुर सिल्क स्टोल", "m", (899, 2499),
          "A woven silk stole with small butis.", "छोटी बूटियों वाला बुना हुआ रेशमी स्टोल।",
          "colour:rich", variants="free", hsn="6214", weight_grams=150),
    ),
)

LALITPUR_SAREE = Craft(
    key="lalitpur-saree", odop_names=("Zari Silk Sarees",), category="sarees-silk", motif="weave",
    palettes=("brass", "madder"), community="weaving", muslim_percent=30,
    story=("zari silk weaving", "ज़री सिल्क बुनाई"), material=("Silk with zari", "रेशम और ज़री"),
    technique=("Handloom weaving", "हथकरघा बुनाई"), hsn="5007", vendors=WEAVERS,
    about=(
        "Lalitpur's weavers in Bundelkhand weave silk sarees with bold zari borders.",
        "बुंदेलखंड के ललितपुर के बुनकर चौड़े ज़री बॉर्डर वाली रेशमी साड़ियाँ बुनते हैं।",
    ),
    templates=(
        T("Lalitpur zari silk saree", "ललितपुर ज़री सिल्क साड़ी", "f", (3999, 13999),
          "A silk saree with a temple border and zari pallu.",
          "मंदिर बॉर्डर और ज़री पल्लू वाली रेशमी साड़ी।", "colour:rich design:banarasi"),
        T("{q}zari silk wedding saree", "शादी की {q}ज़री सिल्क साड़ी", "f", (7999, 19999),
          "A heavy bridal saree with zari all over.", "पूरे में ज़री वाली भारी दुल्हन साड़ी।",
          "colour:rich"),
        T("Zari silk dupatta", "ज़री सिल्क दुपट्टा", "m", (1299, 3999),
          "A silk dupatta with a woven zari border.", "बुने ज़री बॉर्डर वाला रेशमी दुपट्टा।",
          "colour:rich", variants="free", hsn="6214", weight_grams=220),
    ),
)

MAU = Craft(
    key="mau-powerloom", odop_names=("Powerloom Textile",), category="sarees-silk", motif="weave",
    palettes=("teal", "saffron", "indigo"), community="weaving", muslim_percent=75,
    story=("saree weaving", "साड़ी बुनाई"), material=("Cotton and art silk", "सूत और आर्ट सिल्क"),
    technique=("Powerloom weaving", "पावरलूम बुनाई"), hsn="5208", vendors=WEAVERS, origin="made",
    about=(
        "Mau is one of India's great powerloom towns, known for affordable, well-finished sarees.",
        "मऊ देश के बड़े पावरलूम केंद्रों में है; यहाँ की साड़ियाँ किफ़ायती और सुघड़ होती हैं।",
    ),
    templates=(
        T("Mau cotton saree", "मऊ सूती साड़ी", "f", (699, 1999),
          "A soft cotton saree for everyday wear.", "रोज़ पहनने के लिए मुलायम सूती साड़ी।",
          "colour:earthy"),
        T("Mau art silk saree", "मऊ आर्ट सिल्क साड़ी", "f", (899, 2999),
          "An art silk saree with a woven border, easy to care for.",
          "बुने बॉर्डर वाली आर्ट सिल्क साड़ी; रखरखाव आसान।", "colour:rich"),
        T("Cotton dress material", "सूती ड्रेस मटीरियल", "m", (499, 1499),
          "Unstitched kurta, salwar and dupatta fabric in one set.",
          "कुर्ता, सलवार और दुपट्टे का बिना सिला कपड़ा, एक सेट में।", "colour:pastel",
          variants="free", category="clothing", weight_grams=600),
    ),
)

HANDLOOM_TEXTILES = Craft(
    key="handloom-textiles", odop_names=("Textile Products",), category="home-textiles",
    motif="weave", palettes=("indigo", "teal", "leaf"), community="weaving", muslim_percent=55,
    story=("weaving", "बुनाई"), material=("Cotton", "सूत"),
    technique=("Loom weaving", "करघा बुनाई"), hsn="6302", vendors=WEAVERS,
    about=(
        "Looms in the weaving towns of eastern and central UP turn out sturdy everyday cotton.",
        "पूर्वी और मध्य उत्तर प्रदेश के बुनकर क़स्बों के करघे रोज़मर्रा का मज़बूत सूती कपड़ा "
        "बुनते हैं।",
    ),
    templates=(
        T("Handloom cotton gamchha", "हथकरघा सूती गमछा", "m", (149, 399),
          "A quick-drying checked gamchha.", "जल्दी सूखने वाला चारख़ाने का गमछा।", "colour:earthy",
          variants="count", weight_grams=150, dims_mm=(250, 200, 20)),
        T("Cotton lungi", "सूती लुंगी", "f", (249, 699), "A woven checked lungi, pre-washed.",
          "पहले से धुली, बुनी हुई चारख़ाने की लुंगी।", "colour:earthy", variants="count",
          category="clothing", weight_grams=300),
        T("Terry cotton bath towel", "नहाने का {q}टेरी कॉटन तौलिया", "m", (299, 899),
          "A thick, absorbent terry towel.", "मोटा और ख़ूब पानी सोखने वाला टेरी तौलिया।",
          "colour:pastel", variants="count", weight_grams=450),
        T("Handloom cotton stole", "हथकरघा सूती स्टोल", "m", (349, 999),
          "A light stole with fringed ends.", "किनारों पर झालर वाला हल्का स्टोल।", "colour:earthy",
          variants="free", category="clothing", hsn="6214", weight_grams=150),
    ),
)

BARABANKI = Craft(
    key="barabanki-handloom", odop_names=("Textile Products (Handloom)",), category="home-textiles",
    motif="weave", palettes=("leaf", "indigo"), community="weaving", muslim_percent=60,
    story=("handloom weaving", "हथकरघा बुनाई"), material=("Cotton and viscose", "सूत और विस्कोस"),
    technique=("Handloom weaving", "हथकरघा बुनाई"), hsn="6214", vendors=WEAVERS,
    about=(
        "Barabanki's handloom weavers are known for stoles and scarves sold across India.",
        "बाराबंकी के हथकरघा बुनकर अपने स्टोल और स्कार्फ़ के लिए देश भर में जाने जाते हैं।",
    ),
    templates=(
        T("Handloom stole", "हथकरघा स्टोल", "m", (399, 1299),
          "A soft woven stole with a tasselled edge.", "फुँदनों वाला मुलायम बुना स्टोल।",
          "colour:earthy", variants="free", category="clothing", weight_grams=150),
        T("Handloom cotton scarf", "हथकरघा सूती स्कार्फ़", "m", (299, 899),
          "A narrow everyday scarf in fine cotton.", "महीन सूत का रोज़ का पतला स्कार्फ़।",
          "colour:pastel", variants="free", category="clothing", weight_grams=100),
        T("Handloom cotton bedsheet", "हथकरघा सूती चादर", "f", (799, 2499),
          "A woven bedsheet with two pillow covers.", "दो तकिया कवर के साथ बुनी हुई चादर।",
          "colour:earthy", variants="bed", hsn="6302"),
    ),
)

HARDOI = Craft(
    key="hardoi-handloom", odop_names=("Handloom",), category="home-textiles", motif="weave",
    palettes=("saffron", "indigo", "leaf"), community="weaving", muslim_percent=45,
    story=("handloom weaving", "हथकरघा बुनाई"), material=("Cotton", "सूत"),
    technique=("Pit-loom weaving", "गड्ढा-करघा बुनाई"), hsn="6302", vendors=WEAVERS,
    about=(
        "Hardoi's handloom clusters weave khes, durries and towels on pit looms.",
        "हरदोई के हथकरघा क्लस्टर गड्ढा-करघों पर खेस, दरियाँ और तौलिये बुनते हैं।",
    ),
    templates=(
        T("Handloom cotton khes", "हथकरघा सूती खेस", "m", (899, 2499),
          "A thick double-weave khes for beds and diwans.",
          "पलंग और दीवान के लिए मोटा दोहरी बुनाई का खेस।", "colour:earthy", variants="bed"),
        T("Handloom bedsheet with pillow covers", "तकिया कवर सहित {q}हथकरघा चादर", "f", (899, 2699),
          "A woven cotton bedsheet that softens with every wash.",
          "हर धुलाई के साथ और मुलायम होने वाली बुनी चादर।", "colour:pastel", variants="bed"),
        T("Handloom hand towel", "हाथ पोंछने का {q}हथकरघा तौलिया", "m", (149, 449),
          "A light woven towel for the kitchen or wash basin.",
          "रसोई या वॉश बेसिन के लिए हल्का बुना तौलिया।", "colour:earthy", variants="set",
          weight_grams=120),
    ),
)

HOME_FURNISHING = Craft(
    key="home-furnishing", odop_names=("Home Furnishing",), category="home-textiles", motif="weave",
    palettes=("teal", "saffron", "rose"), community="weaving", muslim_percent=40,
    story=("home furnishing weaving", "होम फ़र्निशिंग बुनाई"), material=("Cotton", "सूत"),
    hsn="6304", vendors=WORKSHOPS, origin="made",
    about=(
        "Baghpat and Hapur weave and stitch home furnishings for shops across north India.",
        "बागपत और हापुड़ के कारीगर उत्तर भारत भर की दुकानों के लिए होम फ़र्निशिंग बुनते और सिलते "
        "हैं।",
    ),
    technique=(
        "Loom weaving and stitching",
        "करघा बुनाई और सिलाई",
    ),
    templates=(
        T("Woven {q}cushion covers", "बुने हुए {q}कुशन कवर", "mp", (399, 1199),
          "Textured woven cushion covers with a hidden zip.",
          "छिपी ज़िप वाले, उभरी बुनावट के कुशन कवर।", "colour:earthy material:fabric",
          variants="cushion", weight_grams=250),
        T("Cotton table runner", "सूती टेबल रनर", "m", (349, 999),
          "A woven runner for a six-seater dining table.",
          "छह कुर्सियों वाली डाइनिंग टेबल के लिए बुना रनर।", "colour:earthy", variants="one",
          weight_grams=250),
        T("Cotton window curtain", "खिड़की का {q}सूती पर्दा", "m", (599, 1599),
          "A lined cotton curtain with eyelets.", "छल्लों और अस्तर वाला सूती पर्दा।",
          "colour:pastel", variants="count", weight_grams=700),
        T("Cotton sofa throw", "सूती सोफ़ा थ्रो", "m", (899, 2299),
          "A soft woven throw with tasselled ends.", "फुँदनों वाला मुलायम बुना थ्रो।",
          "colour:earthy", variants="one", weight_grams=800),
    ),
)

BLOCK_PRINT = Craft(
    key="block-print", odop_names=("Textile Printing (block printing)",), category="home-textiles",
    motif="buti", palettes=("indigo", "madder", "saffron"), community="embroidery",
    muslim_percent=50, story=("block printing", "ठप्पा छपाई"), material=("Cotton", "सूत"),
    technique=("Hand block printing", "हाथ की ठप्पा छपाई"), hsn="6302", vendors=WEAVERS,
    about=(
        "Farrukhabad's printers stamp every colour by hand with carved wooden blocks.",
        "फ़र्रुख़ाबाद के छपाईगर हर रंग लकड़ी के नक़्क़ाशीदार ठप्पों से हाथ से छापते हैं।",
    ),
    templates=(
        T("Hand block printed bedsheet", "हाथ की ठप्पा छपाई वाली {q}चादर", "f", (999, 2999),
          "A cotton bedsheet with two pillow covers, printed in soft colours.",
          "दो तकिया कवर के साथ सूती चादर, सौम्य रंगों में छपी।", "colour:earthy", variants="bed"),
        T("Block printed cotton stole", "ठप्पा छपाई वाला {q}सूती स्टोल", "m", (349, 999),
          "A light mulmul stole for summer.", "गर्मियों के लिए हल्का मलमल स्टोल।", "colour:earthy",
          variants="free", category="clothing", hsn="6214", weight_grams=120),
        T("Block printed table cover", "ठप्पा छपाई वाला {q}मेज़पोश", "m", (499, 1499),
          "A table cover for a four-seater table.", "चार कुर्सियों वाली मेज़ के लिए मेज़पोश।",
          "colour:earthy", variants="one", weight_grams=350),
        T("Block printed dohar", "ठप्पा छपाई वाली {q}दोहर", "f", (1199, 3299),
          "A light layered cotton quilt for air-conditioned rooms.",
          "एसी वाले कमरों के लिए हल्की परतदार सूती दोहर।", "colour:pastel", variants="bed"),
    ),
)

FATEHPUR = Craft(
    key="fatehpur", odop_names=("Bedsheets and Iron Fabrication Works",), category="home-textiles",
    motif="weave", palettes=("slate", "indigo", "saffron"), community="weaving", muslim_percent=35,
    story=("bedsheet weaving", "चादर बुनाई"), material=("Cotton", "सूत"), hsn="6302",
    vendors=WORKSHOPS, origin="made",
    about=(
        "Fatehpur is known for its bedsheets and for small iron-fabrication workshops.",
        "फ़तेहपुर अपनी चादरों और लोहे के छोटे फ़ैब्रिकेशन कारख़ानों के लिए जाना जाता है।",
    ),
    technique=(
        "Power and hand loom weaving",
        "पावरलूम और हथकरघा बुनाई",
    ),
    templates=(
        T("Printed cotton bedsheet", "छपी हुई {q}सूती चादर", "f", (599, 1799),
          "A printed cotton bedsheet with two pillow covers.", "दो तकिया कवर के साथ छपी सूती चादर।",
          "colour:pastel", variants="bed"),
        T("Checked cotton bedsheet", "चारख़ाने की {q}सूती चादर", "f", (499, 1499),
          "A woven checked bedsheet for everyday use.",
          "रोज़ के इस्तेमाल की बुनी हुई चारख़ाने की चादर।", "colour:earthy", variants="bed"),
        T("Wrought iron plant stand", "लोहे का {q}गमला स्टैंड", "m", (899, 2999),
          "A powder-coated iron stand for three pots.",
          "तीन गमलों के लिए पाउडर-कोटेड लोहे का स्टैंड।", "colour:leather", variants="one",
          category="hardware-tools", hsn="7323", weight_grams=3500, dims_mm=(700, 300, 300),
          material=("Iron", "लोहा"),
          technique=("Welded and powder-coated", "वेल्डिंग और पाउडर कोटिंग")),
    ),
)

READYMADE = Craft(
    key="readymade", odop_names=("Readymade garments",), category="clothing", motif="buti",
    palettes=("indigo", "teal", "saffron"), community="embroidery", muslim_percent=45,
    story=("tailoring", "सिलाई"), material=("Cotton", "सूती कपड़ा"),
    technique=("Cut and stitched", "कटाई और सिलाई"), hsn="6204", vendors=WORKSHOPS, origin="made",
    about=(
        "Garment units here cut and stitch everyday clothing in small batches.",
        "यहाँ की परिधान इकाइयाँ रोज़मर्रा के कपड़े छोटे-छोटे बैच में काटती और सिलती हैं।",
    ),
    templates=(
        T("Men's {q}cotton shirt", "पुरुषों की {q}सूती शर्ट", "f", (499, 1299),
          "A regular-fit cotton shirt with a button-down collar.",
          "बटन-डाउन कॉलर वाली रेगुलर-फ़िट सूती शर्ट।", "colour:pastel", hsn="6205"),
        T("Women's {q}cotton kurti", "महिलाओं की {q}सूती कुर्ती", "f", (399, 1199),
          "A short printed kurti for daily wear.", "रोज़ पहनने के लिए छोटी छपी कुर्ती।",
          "colour:pastel"),
        T("Kurta pyjama set", "कुर्ता-पायजामा सेट", "m", (799, 1999),
          "A cotton kurta with a matching pyjama.", "मेल खाते पायजामे के साथ सूती कुर्ता।",
          "colour:pastel", hsn="6203"),
        T("Girls' {q}cotton frock", "लड़कियों की {q}सूती फ़्रॉक", "f", (349, 899),
          "A soft frock with a flared skirt.", "घेरदार मुलायम फ़्रॉक।", "colour:toy",
          variants="kids", weight_grams=200, hsn="6209"),
    ),
)

READYMADE_GBN = Craft(
    key="readymade-noida", odop_names=("Readymade garments",), districts=("Gautam Buddha Nagar",),
    category="clothing", motif="buti", palettes=("slate", "indigo", "rose"), community="general",
    muslim_percent=25, story=("garment making", "परिधान निर्माण"),
    material=("Cotton", "सूती कपड़ा"), technique=("Factory stitched", "फ़ैक्टरी सिलाई"), hsn="6204",
    vendors=WORKSHOPS, origin="made",
    about=(
        "Noida's garment exporters sell the same quality they ship abroad.",
        "नोएडा के परिधान निर्यातक वही गुणवत्ता बेचते हैं जो वे विदेश भेजते हैं।",
    ),
    templates=(
        T("Women's {q}cotton shirt dress", "महिलाओं की {q}सूती शर्ट ड्रेस", "f", (799, 2299),
          "A belted shirt dress in breathable cotton.", "बेल्ट वाली, हवादार सूती शर्ट ड्रेस।",
          "colour:pastel"),
        T("Men's {q}linen-blend shirt", "पुरुषों की {q}लिनेन-मिक्स शर्ट", "f", (899, 2499),
          "A relaxed linen-blend shirt for warm days.", "गर्म दिनों के लिए ढीली लिनेन-मिक्स शर्ट।",
          "colour:earthy", hsn="6205"),
        T("Cotton palazzo trousers", "सूती प्लाज़ो", "m", (499, 1299),
          "Wide-leg palazzos with an elastic waist.", "इलास्टिक कमर वाला चौड़ा प्लाज़ो।",
          "colour:earthy"),
        T("Embroidered cotton top", "कढ़ाईदार {q}सूती टॉप", "m", (599, 1599),
          "A cotton top with embroidery at the yoke.", "गले के पास कढ़ाई वाला सूती टॉप।",
          "colour:pastel"),
    ),
)

APPAREL_GZB = Craft(
    key="apparel-ghaziabad", odop_names=("Textile/apparel items",), category="clothing",
    motif="weave", palettes=("slate", "teal"), community="general", muslim_percent=25,
    story=("garment making", "परिधान निर्माण"), material=("Cotton jersey", "सूती जर्सी"),
    technique=("Knitted and stitched", "बुनाई और सिलाई"), hsn="61091000", vendors=WORKSHOPS,
    origin="made",
    about=(
        "Ghaziabad's knitting and garment units make everyday basics.",
        "ग़ाज़ियाबाद की बुनाई और परिधान इकाइयाँ रोज़ के ज़रूरी कपड़े बनाती हैं।",
    ),
    templates=(
        T("Cotton crew-neck T-shirt", "गोल गले की {q}सूती टी-शर्ट", "f", (299, 799),
          "A soft combed-cotton T-shirt.", "कॉम्ब्ड कॉटन की मुलायम टी-शर्ट।", "colour:earthy"),
        T("Cotton track pants", "सूती ट्रैक पैंट", "f", (449, 1099),
          "Track pants with zip pockets.", "ज़िप वाली जेबों की ट्रैक पैंट।", "colour:earthy",
          hsn="6103"),
        T("Cotton night suit", "सूती नाइट सूट", "m", (699, 1599),
          "A two-piece night suit in printed cotton.", "छपे सूती कपड़े का दो-पीस नाइट सूट।",
          "colour:pastel", hsn="6108"),
    ),
)

HOSIERY = Craft(
    key="hosiery", odop_names=("Hosiery products",), category="clothing", motif="weave",
    palettes=("slate", "leaf"), community="general", muslim_percent=40,
    story=("hosiery knitting", "होज़री बुनाई"), material=("Cotton", "सूत"),
    technique=("Machine knitting", "मशीन बुनाई"), hsn="61091000", vendors=WORKSHOPS, origin="made",
    about=(
        "Saharanpur's hosiery units knit vests, socks and winter wear.",
        "सहारनपुर की होज़री इकाइयाँ बनियान, मोज़े और सर्दियों के कपड़े बुनती हैं।",
    ),
    templates=(
        T("Men's cotton vest, pack of 3", "पुरुषों की सूती बनियान, 3 का पैक", "f", (299, 699),
          "Soft rib-knit vests.", "मुलायम रिब-बुनाई वाली बनियान।", "", variants="apparel",
          weight_grams=300),
        T("Cotton socks, pack of 5", "सूती मोज़े, 5 जोड़ी", "mp", (199, 499),
          "Ankle-length cotton socks.", "टख़ने तक के सूती मोज़े।", "", variants="free", hsn="6115",
          weight_grams=200),
        T("Thermal innerwear set", "थर्मल इनरवियर सेट", "m", (499, 1199),
          "A warm top and bottom for winter.", "सर्दियों के लिए गरम टॉप और लोअर।", "colour:earthy",
          hsn="6107"),
    ),
)

SCHOOL_DRESS = Craft(
    key="school-dress", odop_names=("School dresses",), category="clothing", motif="weave",
    palettes=("indigo", "slate"), community="general", muslim_percent=20,
    story=("tailoring", "सिलाई"), material=("Poly-cotton", "पॉली-कॉटन"),
    technique=("Stitched", "सिलाई"), hsn="6203", vendors=WORKSHOPS, origin="made",
    about=(
        "Lalitpur's tailoring groups stitch uniforms for schools across Bundelkhand.",
        "ललितपुर के सिलाई समूह पूरे बुंदेलखंड के स्कूलों के लिए यूनिफ़ॉर्म सिलते हैं।",
    ),
    templates=(
        T("School shirt", "स्कूल शर्ट", "f", (249, 549), "A crisp half-sleeve school shirt.",
          "कड़क आधी बाँह की स्कूल शर्ट।", "", variants="kids", weight_grams=180),
        T("School pinafore", "स्कूल पिनाफ़ोर", "m", (349, 699),
          "A pleated pinafore with adjustable straps.",
          "एडजस्ट होने वाली पट्टियों का प्लीटेड पिनाफ़ोर।", "", variants="kids", weight_grams=250),
        T("School trousers", "स्कूल पैंट", "f", (299, 649),
          "Durable school trousers with an adjustable waist.",
          "एडजस्ट होने वाली कमर की मज़बूत स्कूल पैंट।", "", variants="kids", weight_grams=280),
    ),
)

APPLIQUE = Craft(
    key="applique", odop_names=("Applique Work / Patchwork with Zari Patti",), category="clothing",
    motif="buti", palettes=("madder", "teal", "saffron"), community="embroidery", muslim_percent=75,
    story=("appliqué", "पैचवर्क"), technique=("Hand appliqué", "हाथ का पैचवर्क"), hsn="6204",
    vendors=WEAVERS,
    about=(
        "Rampur's appliqué cuts cloth shapes and stitches them down with zari patti edging.",
        "रामपुर के पैचवर्क में कपड़े के टुकड़े काटकर ज़री पट्टी के किनारे से टाँके जाते हैं।",
    ),
    material=(
        "Cotton and zari patti",
        "सूती कपड़ा और ज़री पट्टी",
    ),
    templates=(
        T("Appliqué cushion cover", "पैचवर्क कुशन कवर", "m", (399, 1199),
          "A cushion cover with appliqué flowers and zari patti.",
          "पैचवर्क फूलों और ज़री पट्टी वाला कुशन कवर।", "colour:rich", variants="cushion",
          category="home-textiles", hsn="6304", weight_grams=250),
        T("Patchwork bedcover", "पैचवर्क बेडकवर", "m", (1499, 4999),
          "A bedcover pieced and appliquéd by hand.", "हाथ से जोड़ा और टाँका गया बेडकवर।",
          "colour:rich", variants="bed", category="home-textiles", hsn="6304"),
        T("Appliqué kurta", "पैचवर्क कुर्ता", "m", (899, 2499),
          "A cotton kurta with an appliqué yoke.", "गले पर पैचवर्क वाला सूती कुर्ता।",
          "colour:pastel"),
        T("Zari patti dupatta", "ज़री पट्टी दुपट्टा", "m", (499, 1499),
          "A cotton dupatta edged with zari patti.", "ज़री पट्टी के किनारे वाला सूती दुपट्टा।",
          "colour:rich", variants="free", hsn="6214", weight_grams=180),
    ),
)

CARPETS_BHADOHI = Craft(
    key="carpets-bhadohi", odop_names=("Carpets (Dari)",), category="carpets-durries",
    motif="carpet", palettes=("madder", "indigo", "teal", "walnut"), community="carpet",
    muslim_percent=55, story=("carpet weaving", "क़ालीन बुनाई"), material=("Wool", "ऊन"),
    technique=("Hand-knotted", "हाथ से गाँठ बाँधकर बुना"), hsn="5701", vendors=WEAVERS,
    about=(
        "Bhadohi, India's carpet city, ties every knot by hand on upright looms.",
        "भारत के क़ालीन नगर भदोही में हर गाँठ खड़े करघे पर हाथ से बाँधी जाती है।",
    ),
    templates=(
        T("Hand-knotted {q}carpet", "हाथ से बुना {q}क़ालीन", "m", (4999, 18999),
          "A dense hand-knotted carpet with a cotton warp.",
          "सूती ताने पर घनी गाँठों वाला हाथ से बुना क़ालीन।", "design:carpet material:wool"),
        T("Hand-tufted carpet", "हैंड-टफ़्टेड {q}क़ालीन", "m", (2999, 9999),
          "A plush tufted carpet with a cotton backing.", "सूती बैकिंग वाला मोटा टफ़्टेड क़ालीन।",
          "design:carpet colour:earthy", hsn="5703"),
        T("Cotton dari", "सूती दरी", "f", (699, 2499),
          "A flat-woven dari, reversible and washable.",
          "दोनों तरफ़ इस्तेमाल होने वाली, धुलने लायक़ दरी।", "design:dari colour:earthy",
          hsn="5702"),
        T("Silk and wool rug", "रेशम-ऊन गलीचा", "m", (8999, 29999),
          "A fine rug with silk highlights in the pattern.",
          "डिज़ाइन में रेशम की चमक वाला बारीक गलीचा।", "design:carpet"),
    ),
)

CARPETS = Craft(
    key="carpets", odop_names=("Carpets",), category="carpets-durries", motif="carpet",
    palettes=("walnut", "madder", "indigo"), community="carpet", muslim_percent=45,
    story=("carpet weaving", "क़ालीन बुनाई"), material=("Wool", "ऊन"), hsn="5701", vendors=WEAVERS,
    about=(
        "The Mirzapur–Sonbhadra belt weaves carpets for the Bhadohi trade and for export.",
        "मिर्ज़ापुर-सोनभद्र इलाक़ा भदोही के कारोबार और निर्यात के लिए क़ालीन बुनता है।",
    ),
    technique=(
        "Hand-knotted and hand-tufted",
        "हाथ से गाँठ और टफ़्टिंग",
    ),
    templates=(
        T("Hand-knotted {q}carpet", "हाथ से बुना {q}क़ालीन", "m", (4499, 16999),
          "A traditional hand-knotted carpet in soft wool.",
          "मुलायम ऊन का पारंपरिक हाथ से बुना क़ालीन।", "design:carpet material:wool"),
        T("Hand-tufted woollen rug", "हैंड-टफ़्टेड {q}ऊनी गलीचा", "m", (2499, 8999),
          "A thick tufted rug for the bedroom.", "सोने के कमरे के लिए मोटा टफ़्टेड गलीचा।",
          "design:carpet colour:earthy", hsn="5703"),
        T("Handwoven {q}kilim", "हाथ से बुना {q}किलिम", "m", (1499, 5999),
          "A flat-woven kilim with geometric patterns.", "ज्यामितीय डिज़ाइन वाला सपाट बुना किलिम।",
          "colour:earthy", hsn="5702"),
    ),
)

WOOLLEN_DARI = Craft(
    key="woollen-dari", odop_names=("Woollen Carpets (Dari)",), category="carpets-durries",
    motif="carpet", palettes=("saffron", "indigo", "madder"), community="carpet", muslim_percent=45,
    story=("dari weaving", "दरी बुनाई"), material=("Wool", "ऊन"),
    technique=("Flat weave", "सपाट बुनाई"), hsn="5702", vendors=WEAVERS,
    about=(
        "Jaunpur's weavers make woollen daris that are warm underfoot and easy to roll up.",
        "जौनपुर के बुनकर ऐसी ऊनी दरियाँ बुनते हैं जो पैरों को गरम रखें और आसानी से लपेटी जा सकें।",
    ),
    templates=(
        T("Woollen dari", "ऊनी दरी", "f", (1499, 5999), "A flat-woven woollen dari, reversible.",
          "दोनों तरफ़ बिछने वाली, सपाट बुनी ऊनी दरी।", "design:dari colour:earthy"),
        T("Prayer rug", "जानमाज़", "f", (699, 1999), "A woven prayer mat with a mihrab design.",
          "मेहराब डिज़ाइन वाली बुनी हुई जानमाज़।", "colour:rich", variants="one", weight_grams=900),
        T("Woollen runner", "ऊनी रनर", "m", (999, 3499), "A long runner for corridors.",
          "गलियारे के लिए लंबा रनर।", "design:dari", variants="one", weight_grams=1500),
    ),
)

SITAPUR_DARI = Craft(
    key="sitapur-dari", odop_names=("Carpet (Dari)",), category="carpets-durries", motif="fibre",
    palettes=("teal", "saffron", "rose"), community="carpet", muslim_percent=40,
    story=("dari weaving", "दरी बुनाई"), material=("Cotton", "सूत"),
    technique=("Handloom flat weave", "हथकरघा सपाट बुनाई"), hsn="57050024", vendors=WEAVERS,
    about=(
        "Sitapur's women weavers make cotton and chindi daris from mill off-cuts.",
        "सीतापुर की महिला बुनकर सूत और मिलों की कतरनों से सूती और चिंदी दरियाँ बुनती हैं।",
    ),
    templates=(
        T("Cotton dari", "सूती दरी", "f", (599, 2299), "A washable cotton dari in bright stripes.",
          "चटख धारियों वाली धुलने लायक़ सूती दरी।", "design:dari colour:earthy"),
        T("Chindi rag rug", "चिंदी दरी", "f", (399, 1499),
          "A colourful rug woven from fabric off-cuts.", "कपड़े की कतरनों से बुनी रंग-बिरंगी दरी।",
          "design:dari"),
        T("Cotton bath mat", "सूती बाथ मैट", "m", (199, 599),
          "A thick woven mat that dries quickly.", "जल्दी सूखने वाला मोटा बुना मैट।",
          "colour:pastel", variants="set", weight_grams=400, dims_mm=(300, 200, 60)),
    ),
)
# fmt: on

CRAFTS: tuple[Craft, ...] = (
    CHIKANKARI,
    ZARDOZI,
    ZARI_WORK,
    BANARASI,
    MUBARAKPUR,
    LALITPUR_SAREE,
    MAU,
    HANDLOOM_TEXTILES,
    BARABANKI,
    HARDOI,
    HOME_FURNISHING,
    BLOCK_PRINT,
    FATEHPUR,
    READYMADE,
    READYMADE_GBN,
    APPAREL_GZB,
    HOSIERY,
    SCHOOL_DRESS,
    APPLIQUE,
    CARPETS_BHADOHI,
    CARPETS,
    WOOLLEN_DARI,
    SITAPUR_DARI,
)
