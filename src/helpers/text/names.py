"""Lists of names the small French model misreads, and a linear matcher for them.

Nothing in « Jefferies », « Numerama », « Safran » or « Wegovy » says what it is: the small model reads a
broker as a person, an outlet or a firm as a place, and has no label for products. These lists say it. They are
tools for reading news copy, not claims made to readers: a name here asserts only what kind of thing it names.

Stops 29 to 31 listed the names of the H20 story that the model got wrong. Stop 32 widened the lists to the firms,
brands, outlets, market indices, products and public figures that French business news names most often
(France's large listed companies, the chip, AI, drug, car, aviation, energy and finance firms, French and foreign
outlets), because the misses left on unseen text were of that kind: a name with no shape a rule can read (stop 37
cast a wider net for broad business news in :mod:`helpers.text.news_names`, folded into these lists). Names
that are also common French words or first names (« Orange » stays, « Alan », « Next », « Claude » do not) are
left out or given in a longer form.

Matching is case-sensitive and whole-word, and the longest listed name at a position wins. :class:`NameList`
indexes the names by their first word, so a paragraph is read once whatever the length of the lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from helpers.text.news_names import NEWS_ORGANISATIONS, NEWS_PRODUCTS, NEWS_SITES

#: Organisations the small model reads as people or places: agencies, outlets, brokers, banks, firms, AI labs,
#: platforms, market indices.
KNOWN_ORGANISATIONS = (
    "Agence France-Presse", "AFP", "Reuters", "Bloomberg", "Associated Press", "Xinhua", "Chine nouvelle",
    "Financial Times", "Wall Street Journal", "New York Times", "Washington Post", "The Information", "Caixin",
    "Nikkei", "DigiTimes", "South China Morning Post", "CNBC", "Global Times", "Les Echos", "Le Monde",
    "Morgan Stanley", "Goldman Sachs", "JPMorgan", "Jefferies", "Bernstein", "Citi", "UBS", "Barclays", "HSBC",
    "Bank of America", "Mizuho", "Macquarie", "TSMC", "SMIC", "OpenAI", "DeepSeek", "Anthropic", "Moonshot AI",
    "Zhipu", "Truth Social", "WeChat", "Weibo", "Douyin", "TikTok",
    # stop 29: more outlets and the chip and cloud firms of the story that the small model reads as places or people
    "Nikkei Asia", "Quotidien du peuple", "Quotidien du Peuple", "People's Daily", "CCTV", "Yicai", "Sina",
    "SoftBank", "Kunlunxin", "Biren", "Moore Threads", "MetaX", "Hygon", "Enflame", "Iluvatar", "Inspur", "Lenovo",
    "Xiaomi", "Samsung", "SK Hynix", "Micron", "Foxconn", "Supermicro", "Tokyo Electron", "Applied Materials",
    "Lam Research", "Qualcomm", "Broadcom", "Oracle", "Microsoft", "Intel", "ASML", "Nexperia",
    # stop 30: seats of power the model reads as places
    "Pentagone", "Maison Blanche", "Maison-Blanche", "Kremlin", "Élysée", "Matignon", "Bercy",
    # stop 31: analysts, outlets, chip, server, phone and cloud firms of the story the model reads as places or misses
    "TrendForce", "Counterpoint", "Counterpoint Research", "TechInsights", "SemiAnalysis", "Omdia", "IDC", "Gartner",
    "Sugon", "Baidu", "Oppo", "Vivo", "Honor", "Super Micro", "Advantest", "Z.ai", "01net", "ZDNet", "ZDNet France",
    "L'Usine Digitale", "L’Usine Digitale", "Le Monde Informatique", "BFM Business", "La Tribune", "Boursorama",
    "Administration d'État pour la régulation du marché", "Administration d’État pour la régulation du marché",
    "Administration d'Etat pour la régulation du marché", "Administration d’Etat pour la régulation du marché",
    "Meta", "Meta Platforms", "Sénat",
    # names that begin with an elided article, which the tokenizer cuts off (« L'|Oréal »)
    "L'Oréal", "L’Oréal", "L'Équipe", "L’Équipe", "L'Occitane", "L’Occitane", "L'Express", "L’Express", "L'Obs",
    "L’Obs", "L'Opinion", "L’Opinion", "L'Usine nouvelle", "L’Usine nouvelle", "L'Usine Nouvelle", "L’Usine Nouvelle",
    "L'Humanité", "L’Humanité", "L'Agefi", "L’Agefi", "L'Informé", "L’Informé",
    # stop 32: France's large listed and public firms
    "Air Liquide", "Airbus", "ArcelorMittal", "Axa", "BNP Paribas", "Bouygues", "Bouygues Telecom", "Capgemini",
    "Carrefour", "Crédit agricole", "Crédit Agricole", "Crédit mutuel", "Crédit Mutuel", "Danone", "Dassault Systèmes",
    "Dassault Aviation", "Edenred", "Engie", "EssilorLuxottica", "Eurofins", "Hermès", "Kering", "Legrand", "LVMH",
    "Michelin", "Orange", "Pernod Ricard", "Rémy Cointreau", "Publicis", "Renault", "Safran", "Saint-Gobain",
    "Sanofi", "Schneider Electric", "Société générale", "Société Générale", "Stellantis", "STMicroelectronics",
    "Teleperformance", "Thales", "TotalEnergies", "Unibail-Rodamco-Westfield", "Veolia", "Vinci", "Vivendi",
    "Worldline", "Accor", "Alstom", "Bureau Veritas", "Eiffage", "Iliad", "Free Mobile", "SFR", "Altice", "Havas",
    "Canal+", "TF1", "M6", "Ubisoft", "Atos", "Sopra Steria", "Soitec", "Valeo", "Forvia", "Faurecia", "OPmobility",
    "Rexel", "Nexans", "Arkema", "Ipsen", "bioMérieux", "Sodexo", "Elior", "Fnac Darty", "Fnac", "Darty", "Decathlon",
    "Leclerc", "E.Leclerc", "Auchan", "Intermarché", "Lactalis", "Air France", "Air France-KLM", "KLM", "Groupe ADP",
    "Aéroports de Paris", "SNCF", "RATP", "EDF", "La Poste", "Naval Group", "MBDA", "KNDS", "Nexter", "Arianespace",
    "ArianeGroup", "Eutelsat", "OVHcloud", "Mistral AI", "Criteo", "Doctolib", "BlaBlaCar", "Back Market", "Qonto",
    "Contentsquare", "Pasqal", "Quandela", "Alice & Bob", "Verkor", "Vallourec", "Eramet", "Imerys", "Orano",
    "Framatome", "Suez", "Amundi", "Natixis", "BPCE", "Bpifrance", "Caisse des dépôts", "Euronext", "Spie",
    "Deezer", "Dailymotion", "Leboncoin", "Cdiscount", "Sephora", "Chanel", "Dior", "Christian Dior",
    "Louis Vuitton", "Lacoste", "Servier", "Pierre Fabre", "Valneva", "Abivax", "Dacia", "Peugeot", "Citroën",
    "Alpine", "Bolloré", "Ledger", "Getlink", "Aperam", "Technip Energies", "TechnipFMC", "CMA CGM", "Clarins",
    # stop 32: firms abroad, by trade
    "Apple", "Google", "Alphabet", "Amazon", "Amazon Web Services", "Netflix", "Tesla", "SpaceX", "xAI", "IBM",
    "Cisco", "Dell", "HP", "HPE", "Hewlett Packard Enterprise", "Salesforce", "Adobe", "SAP", "Siemens", "Bosch",
    "Philips", "Nokia", "Ericsson", "Palantir", "Snowflake", "Databricks", "CoreWeave", "Nebius", "Cerebras", "Groq",
    "SambaNova", "Tenstorrent", "Graphcore", "Arm", "Marvell", "Texas Instruments", "Analog Devices", "NXP",
    "Infineon", "GlobalFoundries", "UMC", "Rapidus", "Kioxia", "Western Digital", "Seagate", "Synopsys", "Cadence",
    "Canon", "Nikon", "Sony", "Hitachi", "Toshiba", "Renesas", "MediaTek", "ASE", "Wistron", "Quanta", "Pegatron",
    "Hon Hai", "Compal", "Asus", "Acer", "Nanya", "Winbond", "Powerchip", "Samsung Electronics", "LG",
    "LG Electronics", "Fujitsu", "Panasonic", "Nintendo", "Shin-Etsu", "Sumco", "Lasertec", "Screen Holdings",
    "ASM International", "BE Semiconductor", "Besi", "Aixtron", "Zeiss", "Carl Zeiss", "Trumpf", "Wolfspeed",
    "onsemi", "Microchip", "Coherent", "Lumentum", "Uber", "Airbnb", "Spotify", "PayPal", "Visa", "Mastercard",
    "Stripe", "Shopify", "Walmart", "Costco", "Nike", "Adidas", "Puma", "Coca-Cola", "PepsiCo", "Nestlé",
    "Unilever", "Procter & Gamble", "Gucci", "Prada", "Cartier", "Richemont", "Moncler", "Burberry", "Balenciaga",
    "Saint Laurent",
    # chips, clouds and AI in China
    "Tencent Cloud", "Huawei Cloud", "Alibaba Cloud", "Volcano Engine", "JD.com", "Meituan", "Pinduoduo", "PDD",
    "Temu", "Shein", "NetEase", "Kuaishou", "Bilibili", "iFlytek", "SenseTime", "Megvii", "Horizon Robotics",
    "Unisoc", "YMTC", "CXMT", "ChangXin Memory", "Hua Hong", "Naura", "AMEC", "SMEE", "SiCarrier", "Loongson",
    "Phytium", "Zhaoxin", "Tsinghua Unigroup", "StarFive", "Baichuan", "MiniMax", "StepFun", "01.AI", "Zhipu AI",
    "Hikvision", "Dahua", "DJI", "ZTE", "China Mobile", "China Telecom", "China Unicom", "Kingsoft Cloud", "GDS",
    "Montage Technology", "GigaDevice", "Empyrean", "Innoscience", "Wingtech", "BOE", "Haier", "Midea", "Gree",
    "Transsion", "HiSilicon", "T-Head", "Tianshu Zhixin", "Shanghai Micro Electronics", "Hua Hong Semiconductor",
    # AI labs
    "Google DeepMind", "DeepMind", "Cohere", "Hugging Face", "Perplexity", "Character.AI", "Stability AI",
    "Midjourney", "Runway", "Scale AI", "Safe Superintelligence", "Thinking Machines Lab", "Aleph Alpha", "Kyutai",
    "Poolside", "LightOn", "H Company",
    # drugs
    "Novo Nordisk", "Eli Lilly", "Pfizer", "Moderna", "BioNTech", "AstraZeneca", "GSK", "GlaxoSmithKline", "Roche",
    "Novartis", "Bayer", "Merck", "MSD", "Johnson & Johnson", "AbbVie", "Bristol Myers Squibb", "Bristol-Myers Squibb",
    "Gilead", "Amgen", "Regeneron", "Biogen", "Vertex", "Takeda", "Boehringer Ingelheim", "Teva", "Sandoz",
    "Viatris", "Sartorius",
    # cars and batteries
    "Volkswagen", "BMW", "Mercedes-Benz", "Audi", "Porsche", "Toyota", "Honda", "Nissan", "Hyundai", "Kia", "Ford",
    "General Motors", "BYD", "Geely", "Volvo", "Polestar", "Nio", "Xpeng", "Li Auto", "SAIC", "Chery", "Great Wall",
    "Great Wall Motor", "Leapmotor", "Fiat", "Jeep", "Opel", "Ferrari", "Lamborghini", "Maserati", "Rivian",
    "Lucid", "CATL", "Northvolt", "LG Energy Solution", "Zeekr", "Skoda", "Cupra", "Jaguar Land Rover",
    "Aston Martin", "Continental", "ZF",
    # aviation, space and defence
    "Boeing", "Embraer", "Comac", "Bombardier", "Lockheed Martin", "Rheinmetall", "Leonardo", "BAE Systems",
    "Raytheon", "RTX", "Northrop Grumman", "General Dynamics", "General Electric", "GE Aerospace", "GE Vernova",
    "Rolls-Royce", "Pratt & Whitney", "CFM International", "Ryanair", "easyJet", "Lufthansa", "Emirates",
    "Qatar Airways", "Transavia", "Air China", "China Eastern", "China Southern", "Cathay Pacific",
    "Delta Air Lines", "United Airlines", "American Airlines", "Saab", "Hensoldt", "Kongsberg", "Anduril",
    "Blue Origin",
    # energy and raw materials
    "Shell", "BP", "ExxonMobil", "Chevron", "Eni", "Equinor", "Iberdrola", "Enel", "RWE", "E.ON", "Vattenfall",
    "Ørsted", "Saudi Aramco", "Aramco", "Gazprom", "Rosneft", "Lukoil", "PetroChina", "Sinopec", "CNOOC",
    "State Grid", "Westinghouse", "Glencore", "Rio Tinto", "BHP", "Lynas", "MP Materials", "Northern Rare Earth",
    "China Rare Earth", "Iluka",
    # banks, brokers, funds and raters
    "BlackRock", "Vanguard", "Fidelity", "State Street", "Deutsche Bank", "Commerzbank", "Santander", "ING",
    "UniCredit", "Intesa Sanpaolo", "Credit Suisse", "Citigroup", "Wells Fargo", "Nomura", "Daiwa", "CICC",
    "CITIC", "CITIC Securities", "Haitong", "Huatai", "Moody's", "Fitch", "Fitch Ratings", "S&P Global",
    "Standard & Poor's", "Kepler Cheuvreux", "Oddo BHF", "AlphaValue", "Bryan Garnier", "Evercore", "Lazard",
    "Rothschild", "Rothschild & Co", "KKR", "Blackstone", "Carlyle", "Ardian", "Eurazeo", "Tikehau", "Temasek",
    "Norges Bank", "Wedbush", "Piper Sandler", "Needham", "Cantor Fitzgerald", "Raymond James", "Stifel",
    "Morningstar", "TD Cowen", "Truist", "KeyBanc", "Citadel", "Berkshire Hathaway", "Mubadala", "MGX",
    # research firms and think tanks
    "Rhodium Group", "Gavekal", "Gavekal Dragonomics", "Capital Economics", "Oxford Economics", "Eurasia Group",
    "CSIS", "Brookings", "Peterson Institute", "Carnegie", "Bruegel", "Ifri", "Institut Montaigne", "Merics",
    "CSET", "Council on Foreign Relations", "Atlantic Council", "Hinrich Foundation", "RAND", "Heritage Foundation",
    "American Enterprise Institute", "Epoch AI", "Futurum", "Moor Insights", "Creative Strategies", "Canalys",
    "Yole", "Yole Group", "SEMI", "Semiconductor Industry Association", "WSTS", "Dell'Oro", "Synergy Research",
    "Third Bridge", "Sinolink",
    # outlets in French
    "Le Figaro", "Libération", "Le Parisien", "Challenges", "Le Point", "Les Échos", "La Croix", "Ouest-France",
    "Mediapart", "Franceinfo", "France Info", "France Inter", "France Culture", "France 24", "France Télévisions",
    "Radio France", "RFI", "BFMTV", "BFM TV", "LCI", "CNews", "Europe 1", "RTL", "Numerama", "Frandroid", "Clubic",
    "Les Numériques", "Journal du Net", "JDN", "Journal du Geek", "Siècle Digital", "Investir", "Zonebourse",
    "Le Revenu", "Canard enchaîné", "Le Canard enchaîné", "Le Monde diplomatique", "Courrier international",
    "Le Temps", "Le Soir", "La Libre Belgique", "RTS", "RTBF", "Le Devoir", "La Presse", "Radio-Canada",
    "Journal du dimanche", "JDD", "Le Nouvel Obs", "Télérama", "Contexte", "Sud Ouest", "La Dépêche", "Le Progrès",
    "Nice-Matin", "Les Jours", "Korii", "Presse-citron", "Le Journal du Geek", "Capital.fr", "Le Big Data",
    # outlets abroad
    "The Economist", "Guardian", "The Guardian", "BBC", "CNN", "Fox News", "Politico", "Axios", "The Verge",
    "TechCrunch", "Wired", "Ars Technica", "Tom's Hardware", "AnandTech", "EE Times", "Forbes", "Fortune",
    "Business Insider", "Barron's", "MarketWatch", "Yonhap", "Kyodo", "Asahi", "Asahi Shimbun", "Yomiuri",
    "Korea Herald", "Korea Economic Daily", "Taipei Times", "Focus Taiwan", "China Daily", "Securities Times",
    "Shanghai Securities News", "The Paper", "Jiemian", "Sixth Tone", "Caijing", "LatePost", "36Kr", "Huxiu",
    "Tech in Asia", "Rest of World", "Deutsche Welle", "Der Spiegel", "Spiegel", "Handelsblatt",
    "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "El País", "Corriere della Sera", "Il Sole 24 Ore",
    "NHK", "Al Jazeera", "TASS", "Tass", "RIA Novosti", "Interfax", "Semafor", "NPR", "ABC News", "CBS News",
    "NBC News", "USA Today", "Los Angeles Times", "Yuyuan Tantian", "Nikkei Asian Review", "Electronic Engineering Times",
    # market indices and exchanges
    "CAC 40", "SBF 120", "Dow Jones", "Nasdaq", "Nasdaq Composite", "S&P 500", "Nikkei 225", "Hang Seng",
    "Stoxx 600", "Euro Stoxx 50", "DAX", "FTSE 100", "CSI 300", "Shanghai Composite", "Kospi", "Taiex",
    "STAR Market", "Star Market", "Wall Street", "Bourse de Paris", "Bourse de Shanghai", "Bourse de Shenzhen",
    "Bourse de Hong Kong", "Nyse", "NYSE",
    # stop 32, read from the misses of three blind sets (A, H, F), which are dev sets since
    "Kweichow Moutai", "Citic", "Citic Securities", "Rebellions", "FuriosaAI", "Vsora", "SiPearl", "Kalray",
    "Prophesee", "Scaleway", "Zama", "CEA", "CEA-Leti", "Leti", "Imec", "CNRS", "Inria", "G42", "Sophgo", "Eisai",
    "Arcom", "Qwant", "OPEP", "OPEP+", "Moët Hennessy", "Silver Lake", "Paris Saint-Germain", "PSG",
    "Olympique de Marseille", "Olympique lyonnais", "Real Madrid", "FC Barcelone", "Manchester City",
    "Bayern Munich", "DAZN", "beIN Sports", "NTT", "NTT Docomo", "SK Telecom", "Revolut", "Klarna", "ESMC",
    "Arista Networks", "Lightmatter", "Electronic Arts", "Take-Two", "Boiron", "Chambre des représentants",
    "Chambre des communes", "Chambre des lords", "Chambre des députés",
    # stop 33: France's public bodies, regulators and unions written in lower case after a capital (the capitals are
    # abbreviations a rule finds), trade fairs and more market indices
    "Arcep", "Cnil", "Anses", "Ademe", "FranceAgriMer", "Urssaf", "Insee", "Dares", "Drees", "Hadopi", "Anssi", "Ugap",
    "Enedis", "Inrae", "Inserm", "Ifremer", "Onera", "Ineris", "Afnor", "Medef", "Unsa", "Météo-France",
    "France Travail", "SNCF Réseau", "SNCF Voyageurs", "Business France", "Banque des territoires", "Free",
    "Computex", "VivaTech", "Viva Technology", "Semicon China", "Semicon West", "Semicon Europa", "Mobile World Congress",
    "Hannover Messe", "Salon du Bourget", "Web Summit", "Hot Chips", "World Artificial Intelligence Conference",
    "Topix", "Hang Seng Tech", "CAC Mid 60", "CAC Small", "MSCI World", "Stoxx Europe 600", "Euro Stoxx",
    "SK hynix", "SK Square", "SK Innovation", "SK On", "POSCO", "POSCO Holdings", "POSCO Future M",
    "Airbus Defence and Space", "Lloyd's List", "Lloyd’s List", "Politico Europe",
    # French regional papers, retail chains and farm unions; Indian and Vietnamese groups and outlets
    "Midi Libre", "La Dépêche du Midi", "Le Télégramme", "La Voix du Nord", "Le Dauphiné libéré", "Leroy Merlin",
    "Savencia", "Bonduelle", "Grand Frais", "Lidl", "Aldi", "Monoprix", "Franprix", "Système U", "Les Mousquetaires",
    "Zara", "Inditex", "H&M", "Primark", "Vinted", "Mirakl", "Pennylane", "Sorare", "Ynsect", "Lumibird", "Exail",
    "JCDecaux", "Ipsos", "Jeunes Agriculteurs", "Coordination rurale", "Posco", "Reliance Jio", "Vodafone Idea",
    "Tata Group", "Tata Steel", "Tata Motors", "Mahindra", "Infosys", "Wipro", "Adani", "Tuoi Tre", "VnExpress", "Jiji",
    "Yuan législatif", "Yuan exécutif", "Semicon Taiwan", "Semicon Japan", "Semicon Korea", "Semicon India",
    "Semicon Southeast Asia",
    # stop 34: outlets, bodies and firms of the misses of AK, AL and AM
    "La Provence", "L'Est républicain", "L’Est républicain", "La Lettre", "L'Argus de l'assurance",
    "L’Argus de l’assurance", "Argus de l'assurance", "La France agricole", "El Periódico de Aragón",
    "Philippine Daily Inquirer", "armée de l'Air et de l'Espace", "armée de l’Air et de l’Espace",
    "Autorité du canal de Suez", "Trésor américain", "Huawei Connect", "Data4", "Caremag", "Cosco Shipping", "Cosco Shipping Ports",
    "Le Desk", "L'Aisne nouvelle", "L’Aisne nouvelle", "Dauphiné libéré", "Orpea", "Eurostar",
    "General Mills", "Vencorex", "Yara", "Hapag-Lloyd", "Natixis IM", "Assurance maladie", "G7", "G20",
    # stop 35: French regional dailies, broadcasters and foreign papers the model reads as places or people (the
    # misses of AR to AV, and the titles of the same kinds a probe of each found missing)
    "La Montagne", "La Nouvelle République", "Le Républicain lorrain", "Républicain lorrain", "L'Est Républicain",
    "L’Est Républicain", "Dernières Nouvelles d'Alsace", "Dernières Nouvelles d’Alsace", "Le Courrier picard",
    "Courrier picard", "Le Bien public", "Presse Océan", "Le Maine libre", "Charente libre", "Charente Libre",
    "La République des Pyrénées", "La Marseillaise", "Le Berry républicain", "L'Yonne républicaine",
    "L’Yonne républicaine", "Vosges Matin", "Le Courrier de l'Ouest", "Le Courrier de l’Ouest", "franceinfo",
    "France Bleu", "TV5Monde", "Le Journal du dimanche", "20 Minutes", "Le Journal des entreprises", "Le Moniteur",
    "The Economic Times", "La Prensa", "La Repubblica", "De Tijd", "Tribune de Genève", "Chosun Ilbo", "Médias24",
    "Al-Monitor", "Gulf News", "Arab News", "Hindustan Times", "Business Standard", "La Nación", "Folha de S.Paulo",
    "O Globo", "Valor Econômico", "El Tiempo", "La Tercera", "Toronto Star", "Sydney Morning Herald",
    # stop 35: unions and firms of the same misses
    "SUD-Rail", "Sud-Rail", "Jeunes agriculteurs", "Ivanhoe Mines", "Bottega Veneta", "Nestlé Waters", "Haropa Port",
    "HAROPA Port", "Super Micro Computer", "Novotel", "Ibis", "Trafigura", "Fosroc", "Humain", "Mercosur",
    "Administration du commerce international",
    # stop 36: Belgian and Swiss papers, broadcasters and firms, more French regional titles, and the makers of goods
    # whose brands a goods noun introduces (the misses of AW, AX and AY, and the names of the same kinds)
    "The Wall Street Journal", "The New York Times", "The Washington Post", "The Financial Times",
    "La Dernière Heure", "La DH", "L'Echo", "L’Echo", "L'Écho", "L’Écho", "La Libre", "Sudinfo", "Trends-Tendances",
    "De Standaard", "Het Laatste Nieuws", "Het Nieuwsblad", "Gazet van Antwerpen", "VRT", "RTL-TVI", "Belga", "Knack",
    "Le Vif", "Le Matin", "Neue Zürcher Zeitung", "NZZ", "Tages-Anzeiger", "SRF", "Keystone-ATS", "Agefi",
    "Handelszeitung", "Le Nouvelliste", "Arcinfo", "L'Echo républicain", "L’Echo républicain", "La Manche libre",
    "Le Populaire du Centre", "L'Indépendant", "L’Indépendant", "Le Journal de Saône-et-Loire", "Tendance Ouest",
    "Paris-Normandie", "La Presse de la Manche", "Le Journal du Centre", "Le Dauphiné", "actu.fr", "Actu.fr",
    "Mediacités", "Rue89", "Lyon Capitale", "Var-Matin", "Corse-Matin", "France-Antilles", "France 3", "Van Hool",
    "Lotus Bakeries", "Barry Callebaut", "Duvel Moortgat", "AB InBev", "Anheuser-Busch InBev", "Solvay", "Syensqo",
    "UCB", "Umicore", "Colruyt", "Delhaize", "Ahold Delhaize", "Proximus", "Telenet", "Bekaert", "Etex", "Puratos",
    "John Cockerill", "Sonaca", "FN Herstal", "Vandemoortele", "Agristo", "Clarebout", "Lutosa", "Spadel", "bpost",
    "Bpost", "SNCB", "Brussels Airlines", "Ageas", "KBC", "Belfius", "BNP Paribas Fortis", "Euroclear", "Elia",
    "Electrabel", "Fluxys", "Sibelco", "Lhoist", "Carmeuse", "Wallonie Entreprendre", "Voka",
    "Port of Antwerp-Bruges", "Brussels Airport", "Liege Airport", "Holcim", "Lindt & Sprüngli", "Swatch Group",
    "Logitech", "Sika", "Givaudan", "Schindler", "Stadler Rail", "Georg Fischer", "Sonova", "Straumann", "Migros",
    "Swisscom", "Emmi", "Kuehne+Nagel", "Mercuria", "Gunvor", "Vitol", "Syngenta", "Tefal", "Le Creuset",
    "Groupe Rocher", "Agrial", "Sodiaal", "Fleury Michon", "Cooperl", "Terrena", "Eureden", "InVivo", "Vivescia",
    "Tereos", "Cristal Union", "Limagrain", "Roquette", "Lesaffre", "Moët & Chandon", "Laurent-Perrier",
    "Vranken-Pommery", "Terroirs et Vignerons de Champagne", "Laboratoires Expanscience", "Expanscience",
    "L'Occitane en Provence", "L’Occitane en Provence", "Nuxe", "Caudalie", "Petit Bateau", "Armor-Lux",
    "Le Slip français", "Rossignol", "Babolat", "Décathlon", "Groupe SEB", "Moulinex", "Rowenta", "Duralex",
    "Mauviel", "Opinel", "Fermob", "Lafuma", "Maersk", "A.P. Moller-Maersk", "Freeport-McMoRan", "Core Scientific",
    "Emirates Global Aluminium", "Norsk Hydro", "Jiangxi Copper", "Tongling Nonferrous", "Andreessen Horowitz",
    "Diario Financiero", "MSC", "Cosmetic Valley", "Conseil interprofessionnel du vin de Bordeaux",
    "Crédit Agricole Nord de France", "Houthis", "Threads",
    # stop 36, from the misses of AZ, BA and BB (scored once before): Swiss and French regional papers, cantonal
    # banks, shipping and commodity firms, and the makers the goods rule leaves to the lists
    "Télégramme", "La Liberté", "L'Avenir", "L’Avenir", "Le Quotidien jurassien", "Quotidien Jurassien",
    "Le Quotidien Jurassien", "La Dordogne libre", "La Nouvelle République du Centre-Ouest", "Banque cantonale vaudoise",
    "Banque cantonale de Genève", "Banque cantonale du Valais", "Banque cantonale neuchâteloise",
    "Banque cantonale de Fribourg", "Banque cantonale du Jura", "Zürcher Kantonalbank", "Comité Champagne", "Casino",
    "St Michel", "Anglo American", "Anglo Teck", "Teck Resources", "Fastmarkets", "Argus Media", "Platts",
    "S&P Global Commodity Insights", "Mitsui O.S.K. Lines", "Gemini Cooperation", "Caspian Pipeline Consortium",
    "Dangote", "Dangote Group", "Camille Bloch",
    # and from the misses of BF, BG and BH (scored once before): firms and trade bodies
    "Trésor", "Autotalks", "Ocean Winds", "Aluminium Dunkerque", "Ram", "Plateforme automobile",
    # national oil, gas and mining companies, port operators, sovereign funds, African and Latin American banks,
    # telecoms and fintechs (the kinds of BE's misses, completed from general knowledge)
 "Adnoc", "ADNOC", "Petronas", "Pertamina", "Petrobras", "Pemex", "Sonatrach", "QatarEnergy", "Kuwait Petroleum",
 "NNPC", "Sonangol", "Ecopetrol", "YPF", "PDVSA", "Petrosen", "Gécamines", "Codelco", "ENAP", "Repsol", "Galp", "OMV",
 "PTT", "ONGC", "Indian Oil", "CNPC", "KazMunayGas", "Socar", "SOCAR", "Novatek", "Tullow Oil", "Perenco",
 "Maurel & Prom", "Kosmos Energy", "Woodside", "Inpex", "Petrovietnam", "PetroVietnam", "Petroperú", "Staatsolie",
 "GNPC", "Sonelgaz", "ONEE", "OCP", "Managem", "Ma'aden", "Ma’aden", "Zijin", "Zijin Mining", "CMOC", "Jinchuan",
 "Tsingshan", "First Quantum", "Barrick", "Barrick Gold", "Newmont", "Sibanye-Stillwater", "Harmony Gold",
 "Gold Fields", "Impala Platinum", "Implats", "Albemarle", "SQM", "Pilbara Minerals", "Ganfeng", "Ganfeng Lithium",
 "Tianqi", "Tianqi Lithium", "Lithium Americas", "Arcadium Lithium", "Southern Copper", "Grupo México",
 "Lundin Mining", "Boliden", "Norilsk Nickel", "Nornickel", "DP World", "APM Terminals", "PSA International",
 "Hutchison Ports", "AGL", "Africa Global Logistics", "Bolloré Africa Logistics", "Yang Ming", "HMM", "Wan Hai",
 "PIF", "ADIA", "QIA", "Khazanah", "Danantara", "Safaricom", "MTN", "Airtel Africa", "Jumia", "Flutterwave",
 "Paystack", "Opay", "Moniepoint", "Naf Naf", "Opella", "Macif", "Eurosatory", "La République du Centre",
 "Daimler Truck", "Île-de-France Mobilités", "Adani Ports", "Adani Ports and SEZ", "Afreximbank",
 "Banque africaine de développement", "BOAD", "Ecobank", "Attijariwafa Bank", "Bank of Africa", "Standard Bank",
 "FirstRand", "Banco do Brasil", "Itaú", "Bradesco", "Nubank", "Mercado Libre", "Bancolombia", "Banorte",
 "Dubai Airshow", "Bangkok Post", "Federal Register",
) + NEWS_ORGANISATIONS  # (and the wider net of :mod:`helpers.text.news_names`)

#: People the small model reads as places or misses at the start of a sentence (« He Lifeng », « Xi Jinping »):
#: names, not linked to a knowledge base (the gazetteer holds the linked ones).
KNOWN_PEOPLE = (
    "Xi Jinping", "Li Qiang", "He Lifeng", "Wang Wentao", "Li Chenggang", "Wang Yi", "Lin Jian", "Guo Jiakun",
    "He Yadong", "Ren Zhengfei", "Eric Xu", "Jensen Huang", "Lisa Su", "Colette Kress", "C.C. Wei", "Donald Trump",
    "Howard Lutnick", "Scott Bessent", "Jamieson Greer", "Marco Rubio", "John Moolenaar", "Raja Krishnamoorthi",
    "Elizabeth Warren", "Gina Raimondo", "Ursula von der Leyen", "Maroš Šefčovič", "Christophe Fouquet",
    # stop 31: heads of the chip, cloud and AI firms of the story
    "Eddie Wu", "Lip-Bu Tan", "Robin Li", "Pony Ma", "Liang Wenfeng", "Lei Jun", "Pat Gelsinger", "Sam Altman",
    "Dario Amodei", "Arthur Mensch", "Satya Nadella", "Sundar Pichai", "Mark Zuckerberg", "Elon Musk",
    "Demis Hassabis", "Morris Chang", "Chen Tianshi", "Zhang Yiming", "Liang Rubo", "Masayoshi Son", "Hock Tan",
    # stop 32: public figures French business news names most often
    "Emmanuel Macron", "François Bayrou", "Sébastien Lecornu", "Michel Barnier", "Gabriel Attal", "Élisabeth Borne",
    "Édouard Philippe", "Bruno Le Maire", "Éric Lombard", "Roland Lescure", "Amélie de Montchalin", "Clara Chappaz",
    "Marc Ferracci", "Jean-Noël Barrot", "Rachida Dati", "Gérald Darmanin", "Bruno Retailleau", "Marine Le Pen",
    "Jordan Bardella", "Jean-Luc Mélenchon", "Olivier Faure", "François Villeroy de Galhau", "Pierre Moscovici",
    "Christine Lagarde", "Thierry Breton", "Henna Virkkunen", "Teresa Ribera", "Kaja Kallas", "Stéphane Séjourné",
    "Valdis Dombrovskis", "António Costa", "Roberta Metsola", "Friedrich Merz", "Olaf Scholz", "Giorgia Meloni",
    "Pedro Sánchez", "Keir Starmer", "Mark Rutte", "Viktor Orbán", "Volodymyr Zelensky", "Vladimir Poutine",
    "Narendra Modi", "Shigeru Ishiba", "Sanae Takaichi", "Lee Jae-myung", "Yoon Suk-yeol", "Lai Ching-te",
    "Tsai Ing-wen", "Anwar Ibrahim", "Recep Tayyip Erdogan", "Lula", "Javier Milei", "Justin Trudeau", "Mark Carney",
    "Joe Biden", "Kamala Harris", "JD Vance", "Pete Hegseth", "Kevin Hassett", "Peter Navarro", "Stephen Miran",
    "Jerome Powell", "Janet Yellen", "Chuck Schumer", "Mitch McConnell", "Mike Johnson", "Hakeem Jeffries",
    "Bernie Sanders", "Tom Cotton", "Mark Warner", "Jim Banks", "Ro Khanna", "Gregory Meeks", "Brian Mast",
    "Ted Cruz", "Josh Hawley", "Jeffrey Kessler", "Landon Heid", "Alan Estevez", "David Sacks", "Michael Kratsios",
    "Susie Wiles", "Karoline Leavitt", "Mike Waltz", "Kevin Warsh", "Paul Atkins", "Lina Khan", "Andrew Ferguson",
    "Brendan Carr", "Wang Huning", "Ding Xuexiang", "Zhao Leji", "Cai Qi", "Han Zheng", "Liu He", "Yi Gang",
    "Pan Gongsheng", "Lan Fo'an", "Li Lecheng", "Jin Zhuanglong", "Zhuang Rongwen", "Mao Ning", "Dong Jun",
    "Xie Feng", "Bernard Arnault", "Patrick Pouyanné", "Carlos Tavares", "Antonio Filosa", "Luca de Meo",
    "François Provost", "Xavier Niel", "Vincent Bolloré", "Guillaume Faury", "Martin Bouygues", "Patrick Drahi",
    "Rodolphe Saadé", "Alexandre Bompard", "Catherine MacGregor", "Luc Rémont", "Bernard Fontana", "Paul Hudson",
    "Florent Menegaux", "Olivier Andriès", "Patrice Caine", "Éric Trappier", "Aiman Ezzat", "Nicolas Hieronimus",
    "François-Henri Pinault", "Axel Dumas", "Tim Cook", "Jeff Bezos", "Andy Jassy", "Bill Gates", "Larry Ellison",
    "Safra Catz", "Michael Dell", "Marc Benioff", "Jamie Dimon", "Larry Fink", "Warren Buffett", "Kelly Ortberg",
    "David Ricks", "Albert Bourla", "Stéphane Bancel", "Ola Källenius", "Oliver Blume", "Akio Toyoda",
    "Wang Chuanfu", "Robin Zeng", "Li Shufu", "Jack Ma", "Joe Tsai", "Daniel Zhang", "Martin Lau", "Shou Zi Chew",
    "Meng Wanzhou", "Ken Hu", "Richard Yu", "Xu Zhijun", "Zhao Haijun", "Lee Jae-yong", "Chey Tae-won",
    "Sanjay Mehrotra", "Cristiano Amon", "Rene Haas", "Peter Wennink", "Mustafa Suleyman", "Greg Brockman",
    "Ilya Sutskever", "Mira Murati", "Yann LeCun", "Alexandr Wang", "Aravind Srinivas", "Clément Delangue",
    "Ian Buck", "Bill Dally", "Kai-Fu Lee", "Yang Zhilin", "Wang Xiaochuan", "Yan Junjie", "Zhang Peng",
    "Dan Ives", "Gene Munster", "Ben Bajarin", "Patrick Moorhead", "Stacy Rasgon", "Vivek Arya", "Harlan Sur",
    "Timothy Arcuri", "C.J. Muse", "Dylan Patel", "Paul Triolo", "Gregory Allen", "Chris Miller", "Lennart Heim",
    "Arthur Kroeber", "Scott Kennedy",
    # stop 36: heads of energy firms and ministers the model reads as firms or places
    "Aliko Dangote", "Claudio Descalzi", "Saad al-Kaabi", "Amin Nasser", "Sultan al-Jaber",
 "Marylise Léon", "Sophie Binet", "Fernando Haddad", "Pham Minh Chinh", "Sidi Ould Tah",
)

#: Products named by a bare word, with no shape a rule can read (« Wegovy », « Kimi K2 »): AI models and
#: assistants, chip lines and platforms, drugs, operating systems, aircraft and cars.
KNOWN_PRODUCTS = (
    # AI models and assistants
    "Gemini", "Llama", "Grok", "Copilot", "Le Chat", "Mistral Large", "Mistral Medium", "Mistral Small",
    "Codestral", "Qwen", "Kimi", "Kimi K2", "Ernie", "Ernie Bot", "Hunyuan", "Doubao", "Sora", "Stable Diffusion",
    "Gemma", "Claude Opus", "Claude Sonnet", "DeepSeek-R1", "DeepSeek-V3", "DeepSeek-V3.1", "DeepSeek-V3.2",
    "GLM", "Yi", "Wenxin Yiyan", "Tongyi Qianwen",
    # chip lines, platforms and machines
    "Ascend", "Kunpeng", "Kirin", "Siyuan", "Instinct", "Gaudi", "Xeon", "Epyc", "EPYC", "Ryzen", "Snapdragon",
    "Dimensity", "Exynos", "Trainium", "Inferentia", "Graviton", "Twinscan", "Jetson", "DGX", "HGX", "InfiniBand",
    "Spectrum-X", "Grace Blackwell", "Vera Rubin", "GeForce", "Radeon", "ROCm", "CANN", "MindSpore", "PyTorch",
    "TensorFlow",
    # operating systems and devices
    "Windows", "Android", "iOS", "macOS", "iPhone", "iPad", "MacBook", "PlayStation", "Xbox", "Pixel",
    "Vision Pro", "Starlink", "Starship",
    # drugs
    "Wegovy", "Ozempic", "Mounjaro", "Zepbound", "Saxenda", "Keytruda", "Dupixent", "Humira", "Comirnaty",
    "Spikevax", "Paxlovid", "Leqembi", "Kisunla", "Opdivo", "Eliquis", "Doliprane", "Efferalgan", "Dafalgan",
    "Levothyrox", "Lévothyrox", "Beyfortus", "Tagrisso", "Enhertu",
    # aircraft and cars
    "Rafale", "Eurofighter", "Gripen", "F-35", "Concorde", "Ariane 6", "Clio", "Mégane", "Twingo", "Sandero",
    "Tiguan", "Cybertruck", "Yaris", "Corolla", "Prius",
    # stop 32, from the misses of A, H and F
    "RTX Pro", "TPU", "o1", "o3", "o3-mini", "o4-mini", "Magistral", "Birkin", "Macan", "Cayenne", "Taycan", "Caesar",
    "Seagull",
    # stop 34: products the model could not type, read as firms by the rule for such words
    "Gmail", "Ironwood", "Catia", "SolidWorks", "TGV M", "Grande Panda", "Topolino",
    # stop 35
    "Mokka", "Perrier",
    # stop 36: brands of food, drink and cosmetics, which the brief of the blind sets labels as products
    "Candia", "Lactel", "Bonne Maman", "Yoplait", "Danette", "Activia", "Biscoff", "Mustela", "Avène", "Florette",
    "Loïc Raison", "Cassegrain", "Hépar", "Contrex", "Badoit", "Nutella", "Kinder", "La Chouffe", "Duvel", "Leffe",
    "Jupiler", "Stella Artois", "Hoegaarden", "Mistral Compute", "Sojasun",
 "LEAP", "Kelly", "M-Pesa", "Telebirr", "Orange Money", "C-390", "Uzedy",
    # video games, cars and reactors of the misses of BF, BG, BH and earlier sets
    "Assassin's Creed", "Assassin’s Creed", "Far Cry", "Rainbow Six", "Just Dance", "Call of Duty", "Fortnite",
    "Minecraft", "Grand Theft Auto", "EA Sports FC", "Dolphin Surf", "Dolphin Mini", "Atto 2", "Atto 3", "Seal",
    "Wrangler", "EPR", "EPR2", "Teisseire",
) + NEWS_PRODUCTS


class NameList:
    """Whole-word, case-sensitive spans of listed names in a text, longest name first at each position.

    The names are indexed by their first word, and only the words that can open a listed name are read (a word
    whose first letter opens one, or an elided article before one): linear in the text, whatever the number of
    names (a regular expression with one branch per name tries every branch at every position)."""

    _WORD = re.compile(r"(?<![\w-])[\w&+.'’-]+")

    def __init__(self, names: Iterable[str], elided: bool = True) -> None:
        self.elided = elided  # also after an elided article (« d'OpenAI »)
        by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            first = self._WORD.match(name)
            key = first.group().rstrip(".") if first else name
            by_first.setdefault(key, []).append(name)
        # (tuples of strings, which the garbage collector stops tracking: tens of thousands of lists would be read at
        # every full collection, and spaCy makes many)
        self.by_first: dict[str, tuple[str, ...]] = {key: tuple(names) for key, names in by_first.items()}
        # (« La », « San », « Al »: a first word that opens many names, hundreds in the list of places, is read with one
        # pattern of them all, longest first, which tries them in C)
        self.many = {key: re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
                     for key, names in self.by_first.items() if len(names) > 8}
        # (most words of French copy open no listed name: the pattern skips them in C, not in a Python loop)
        openers = "".join(sorted({re.escape(key[0]) for key in self.by_first if key}))
        # (a word starts where the last one ended, as when every word was read: not inside « d'Huang » or « 1.Nvidia »)
        self.words = re.compile(rf"(?<![\w&+.'’-])(?=[{openers}]{'|' + _ELIDED.pattern if elided else ''})[\w&+.'’-]+")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted, non-overlapping (start, end) of the listed names in ``text``."""
        out: list[tuple[int, int]] = []
        after = 0
        for m in self.words.finditer(text):
            if m.start() < after:
                continue
            start, word = m.start(), m.group()
            # (« Nvidia. », « Moody's, »: the word as written, then without its closing dot or apostrophe;
            # « d'OpenAI », « l’AFP »: then after an elided article)
            key = word if word in self.by_first else word.rstrip(".'’")
            if key not in self.by_first and self.elided and (elided := _ELIDED.match(word)):
                start, word = start + elided.end(), word[elided.end():]
                key = word if word in self.by_first else word.rstrip(".'’")
            if key in self.many:
                if found := self.many[key].match(text, start):
                    out.append((start, found.end()))
                    after = found.end()
                continue
            for name in self.by_first.get(key, ()):
                end = start + len(name)
                if text.startswith(name, start) and not _NAME_GOES_ON.match(text, end):
                    out.append((start, end))
                    after = end
                    break
        return out


#: What continues a word after a listed name (« Metaverse » is not « Meta »).
_NAME_GOES_ON = re.compile(r"[\w-]")


#: An elided article or preposition before a name (« d'OpenAI », « l’AFP », « qu'Apple »).
_ELIDED = re.compile(r"(?:[dlDLjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")


#: What each listed name is, as the entity tables label it (no name is in two lists: a test checks it).
LISTED_KINDS = {**{n: "ORG" for n in KNOWN_ORGANISATIONS}, **{n: "PER" for n in KNOWN_PEOPLE},
                **{n: "PRODUCT" for n in KNOWN_PRODUCTS}}
#: The people of :data:`KNOWN_PEOPLE` named in full, whose surnames alone name them too (« Moolenaar »).
FULL_NAMES = frozenset(n for n in KNOWN_PEOPLE if " " in n)


#: States and large regions by their French names: a one-word headline kicker (« Ukraine : … ») that is one of them
#: is a place; any other the model reads as a name is a common noun (« Trêve : … », « Luxe : … »).
PLACES = frozenset((
    "Afghanistan", "Afrique", "Albanie", "Algérie", "Allemagne", "Andorre", "Angola", "Arabie", "Argentine",
    "Arménie", "Asie", "Australie", "Autriche", "Azerbaïdjan", "Bahreïn", "Bangladesh", "Belgique", "Bénin",
    "Biélorussie", "Birmanie", "Bolivie", "Bosnie", "Botswana", "Brésil", "Bruxelles", "Bulgarie", "Burkina",
    "Burundi", "Californie", "Cambodge", "Cameroun", "Canada", "Chili", "Chine", "Chypre", "Colombie", "Congo",
    "Corée", "Croatie", "Cuba", "Danemark", "Djibouti", "Égypte", "Émirats", "Équateur", "Érythrée", "Espagne",
    "Estonie", "Éthiopie", "Europe", "Finlande", "France", "Gabon", "Géorgie", "Ghana", "Grèce", "Groenland",
    "Guatemala", "Guinée", "Haïti", "Honduras", "Hongrie", "Inde", "Indonésie", "Irak", "Iran", "Irlande", "Islande",
    "Israël", "Italie", "Jamaïque", "Japon", "Jordanie", "Kazakhstan", "Kenya", "Kosovo", "Koweït", "Laos",
    "Lettonie", "Liban", "Libye", "Lituanie", "Luxembourg", "Macédoine", "Madagascar", "Malaisie", "Mali", "Malte",
    "Maroc", "Mauritanie", "Mexique", "Moldavie", "Monaco", "Mongolie", "Monténégro", "Mozambique", "Namibie",
    "Népal", "Nicaragua", "Niger", "Nigeria", "Norvège", "Oman", "Ouganda", "Ouzbékistan", "Pakistan", "Palestine",
    "Panama", "Paraguay", "Pérou", "Pologne", "Portugal", "Qatar", "Roumanie", "Royaume-Uni", "Russie", "Rwanda",
    "Sénégal", "Serbie", "Singapour", "Slovaquie", "Slovénie", "Somalie", "Soudan", "Sri Lanka", "Suède", "Suisse",
    "Syrie", "Taïwan", "Taiwan", "Tanzanie", "Tchad", "Thaïlande", "Tunisie", "Turquie", "Ukraine", "Uruguay",
    "Venezuela", "Vietnam", "Yémen", "Zambie", "Zimbabwe", "Pékin", "Washington", "Paris", "Berlin", "Londres",
    "Moscou", "Tokyo", "Séoul", "Taipei", "Shanghai", "Shenzhen", "Hongkong", "Gaza", "Kiev", "Kyiv",
    "Riyad", "Dubaï", "Doha", "Téhéran", "Ankara", "Madrid", "Rome", "Varsovie", "Ottawa", "Canberra", "Jakarta",
    "Hanoï", "Manille", "Bangkok", "Pyongyang", "Brasilia", "Mexico", "Alger", "Rabat", "Tunis", "Dakar", "Abidjan",
    "Nairobi", "Pretoria", "Lagos", "Kinshasa", "Jérusalem", "Beyrouth", "Damas", "Bagdad", "Amman", "Oslo",
    "Stockholm", "Copenhague", "Helsinki", "Vienne", "Berne", "Genève", "Amsterdam", "Lisbonne", "Athènes",
    "Budapest", "Prague", "Bucarest", "Sofia", "Vilnius", "Riga", "Tallinn", "Minsk", "Dublin", "Francfort", "Munich",
    "Milan", "Barcelone", "Wuhan", "Hangzhou", "Chongqing", "Canton", "Guangzhou", "Tianjin", "Hefei", "Chengdu",
    "Osaka", "Kyoto", "Busan", "Hsinchu", "Kaohsiung", "Bombay", "Mumbai", "Bangalore", "Sydney", "Melbourne",
    "Toronto", "Montréal", "Québec", "Chicago", "Houston", "Boston", "Seattle", "Austin", "Phoenix", "Detroit",
    "Atlanta", "Miami", "Dallas", "Cupertino", "Redmond", "Strasbourg", "Lyon", "Marseille", "Toulouse",
    "Bordeaux", "Lille", "Nantes", "Grenoble", "Nice", "Rennes", "Montpellier", "Dunkerque", "Londres", "Bruxelles",
    # stop 33: French names of foreign cities and regions (GeoNames, in data/places.csv, gives the English or local
    # name), and the regions, seas and straits news names that are no state
    "Dresde", "Anvers", "Venise", "Cologne", "Brême", "Aix-la-Chapelle", "Mayence", "Trèves", "Bâle", "Zurich",
    "Lucerne", "Naples", "Gênes", "Turin", "Séville", "Saragosse", "Cordoue", "Édimbourg", "Douvres", "Le Caire",
    "Alexandrie", "Tanger", "La Mecque", "Djeddah", "Abou Dhabi", "Abu Dhabi", "Charjah", "Mascate", "Ispahan",
    "Chiraz", "Calcutta", "New Delhi", "Nouvelle-Delhi", "Katmandou", "Rangoun", "Hô Chi Minh-Ville", "Saïgon",
    "Nankin", "Hong Kong", "Macao", "Macau", "Saint-Pétersbourg", "Odessa", "Cracovie", "Gdansk", "Belgrade",
    "Smyrne", "Erevan", "Tbilissi", "Bakou", "Tachkent", "Oulan-Bator", "Tel-Aviv", "Tel Aviv", "Addis-Abeba",
    "Le Cap", "Tananarive", "Los Angeles", "San Francisco", "La Nouvelle-Orléans", "Philadelphie", "Santa Clara",
    "San José", "San Jose", "Palo Alto", "Mountain View", "Menlo Park", "Las Vegas", "Denver", "Vancouver",
    "Monterrey", "Guadalajara", "Bogota", "Bogotá", "Buenos Aires", "Sao Paulo", "São Paulo", "Rio de Janeiro",
    "Caracas", "La Havane", "Santiago du Chili", "Moyen-Orient", "Proche-Orient", "Asie du Sud-Est", "Asie centrale",
    "Asie-Pacifique", "Amérique latine", "Amérique du Nord", "Amérique du Sud", "Afrique du Nord",
    "Afrique subsaharienne", "Maghreb", "Sahel", "Balkans", "Caucase", "Scandinavie", "Golfe persique",
    "mer de Chine méridionale", "mer de Chine orientale", "mer Rouge", "mer Noire", "mer Baltique",
    # (a strait by its own name: « le détroit d'|Ormuz », as the corpus and French style guides write the place)
    "Ormuz", "Malacca", "Bab el-Mandeb", "Bab-el-Mandeb", "Méditerranée", "Pacifique", "Atlantique", "Arctique",
    "Silicon Valley", "Xinjiang", "Tibet", "Mongolie-Intérieure", "Pays basque", "Alsace", "Lorraine", "Provence",
    "Côte d'Azur", "Côte d’Azur", "Île-de-France", "Grand Est", "Auvergne", "Rhône-Alpes", "Savoie", "Corse",
    "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte", "Nouvelle-Calédonie", "Polynésie française",
    # (France's regions before 2016, which regional copy still names, and the départements of three letters)
    "Aquitaine", "Midi-Pyrénées", "Languedoc-Roussillon", "Poitou-Charentes", "Nord-Pas-de-Calais", "Haute-Normandie",
    "Basse-Normandie", "Franche-Comté", "Champagne-Ardenne", "Picardie", "Languedoc", "Poitou", "Dauphiné", "Lot",
    "Ain", "Var", "Nord",
    "Antilles", "Penang", "Limousin", "Champagne", "Bourgogne", "Flandre", "Wallonie", "Catalogne", "Écosse", "Pays de Galles",
    "Angleterre", "Irlande du Nord", "Sibérie", "Crimée", "Donbass", "Cisjordanie", "Sinaï", "Cachemire", "Pendjab",
    "Bengale", "Kyushu", "Hokkaido", "Etats-Unis", "États-Unis", "Pays-Bas", "Émirats arabes unis", "Arabie saoudite",
    "Corée du Sud", "Corée du Nord", "Afrique du Sud", "Nouvelle-Zélande", "République tchèque",
    "mer du Nord", "mer Méditerranée", "mer Caspienne", "mer de Java", "mer Jaune", "mer du Japon", "océan Indien",
    "océan Pacifique", "océan Atlantique", "océan Arctique", "cap de Bonne-Espérance", "Gibraltar", "Manche", "Java",
    "Sumatra", "Sulawesi", "Bornéo", "Honshu", "Sicile", "Sardaigne", "Crète", "Corse", "Mindanao", "Luçon",
    "golfe Persique", "golfe du Mexique", "golfe de Guinée", "Golfe", "Gotland",
    # stop 35: rivers, mountain ranges and regions by their French names, which the model reads as firms after « la »,
    # « le » or « les »; a US state and towns the list of places lacks (the misses of AR to AV, and a probe)
    "Seine", "Garonne", "Rhin", "Danube", "Mékong", "Yangtsé", "Nil", "Amazone", "Mississippi", "Gange", "Volga",
    "Tamise", "Escaut", "Alpes", "Pyrénées", "Himalaya", "Andes", "Rocheuses", "Oural", "Carpates", "Amazonie",
    "Patagonie", "Michigan", "RDC", "Chine continentale", "Veldhoven", "Guéret", "Bourgoin-Jallieu",
    # stop 36: ports, sites and Belgian and Swiss regions the model reads as people or firms
    "Jorf Lasfar", "Tanger Med", "Tanjung Pelepas", "Batu Kawan", "Yen Bai", "Three Mile Island", "Copperbelt",
    "Wallonie", "Flandre", "Hainaut", "Brabant wallon", "Limbourg", "Namur", "Liège", "Charleroi", "Gand", "Malines",
    "Louvain", "Ostende", "Zeebruges", "Bruges", "Courtrai", "Mons", "Tournai", "Valais", "Vaud", "Tessin", "Argovie",
    "La Haye", "Le Havre", "Le Mans", "La Rochelle", "Le Cap", "La Paz", "La Valette", "Le Creusot", "La Réunion",
    "Johan Sverdrup", "Tenke Fungurume", "Kolwezi", "Kamoa-Kakula", "pays de Galles",
 "Pont-de-Claix", "Tía María", "Grand Tortue Ahmeyim", "Simandou",
)) | frozenset(NEWS_SITES)
