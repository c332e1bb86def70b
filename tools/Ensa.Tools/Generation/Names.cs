namespace Ensa.Tools.Generation;

/// <summary>Invented Swedish-sounding names. Nothing here names a real municipality, school, person or company on purpose.</summary>
internal static class Names
{
    public static readonly string[] PlacePrefixes =
    [
        "Ek", "Björk", "Sjö", "Lind", "Stor", "Norr", "Söder", "Väster", "Öster", "Berg", "Dal", "Hag", "Äng", "Tall", "Gran",
        "Al", "Lund", "Kvarn", "Sand", "Sten", "Ljung", "Fager", "Mal", "Ros", "Hult", "Myr", "Lövs", "Ås", "Bred", "Råg",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        "köping", "sala", "by", "hamn", "vik", "sund", "torp", "stad", "näs", "holm", "berga", "fors", "dal", "ryd", "tuna", "hed",
    ];

    public static readonly string[] SchoolStems =
    [
        "Ekbacke", "Kvarnby", "Solängs", "Björkhaga", "Ängsvallens ", "Tallbacka", "Sjöstads", "Norrmalms", "Lindängs", "Haga",
        "Rosendals", "Furu", "Stenhags", "Vallby", "Skogsbrynets ", "Åkerby", "Bäckby", "Strand", "Hammar", "Fågelsångs",
        "Lärkbacke", "Mosshälls", "Källbrinks", "Vikinga", "Tuna", "Slottsparks", "Granbacka", "Klöverängs", "Ekhagens ", "Smedby",
    ];

    public static readonly string[] UnitSuffixes = ["", " F–3", " 4–6", " 7–9", " F–6", " F–9", " gymnasium"];

    public static readonly string[] FirstNames =
    [
        "Anna", "Karin", "Sara", "Maria", "Eva", "Lena", "Sofia", "Helena", "Elin", "Ida", "Emma", "Johanna", "Linnea", "Amira",
        "Fatima", "Leila", "Johan", "Erik", "Anders", "Mikael", "Jonas", "Oskar", "Per", "Lars", "Fredrik", "Ahmed", "Ali", "Nils",
        "Gustav", "Henrik", "Mattias", "Daniel", "Petra", "Malin", "Therese", "Kristina", "Hanna", "Jenny", "Åsa", "Ulrika",
    ];

    public static readonly string[] LastNames =
    [
        "Lindberg", "Holm", "Nilsson", "Karimi", "Ekström", "Ahlgren", "Persson", "Lind", "Ek", "Sandberg", "Björk", "Nyström",
        "Berg", "Åström", "Lundqvist", "Falk", "Strand", "Wikström", "Sjöberg", "Andersson", "Johansson", "Karlsson", "Olsson",
        "Larsson", "Eriksson", "Hassan", "Mohammed", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindgren", "Bergström",
        "Hedlund", "Forsberg", "Sundqvist", "Engström", "Dahl", "Håkansson", "Öberg",
    ];

    public static readonly string[] BrandStems =
    [
        "Saga", "Numer", "Kod", "Nordlär", "Quiz", "Lingua", "Lär", "Skriv", "Läs", "Matte", "Stjärn", "Ugglan", "Polar", "Nova",
        "Vinga", "Bokstavs", "Tanke", "Kunskaps", "Klass", "Elev", "Nätverks", "Digi", "Smart", "Fokus", "Lyft", "Bro", "Kompass",
        "Fyr", "Gnista", "Spira",
    ];

    public static readonly string[] BrandTails = ["väven", "ix", "kraft", "lab", "ly", "bridge", "link", "hub", "gården", "verket", "byrån", "on", "io", "a"];

    public static readonly (string Product, string Subject, string Description)[] Products =
    [
        ("Läsresan", "Svenska", "Läsfrämjande tjänst med e-böcker och ljudböcker på elevens nivå."),
        ("Bokstavslek", "Svenska", "Tidig läsinlärning med ljud och bokstäver."),
        ("Matteträning", "Matematik", "Adaptiv färdighetsträning i matematik med lärarvy."),
        ("Algebraverkstad", "Matematik", "Uppgifter och förklaringsfilmer i algebra."),
        ("Blocklabb", "Teknik", "Programmering med block och Python, med klassrum för läraren."),
        ("Kodskola", "Teknik", "Steg-för-steg-kurser i programmering."),
        ("Samhälle digital del", "Samhällskunskap", "Digital del till läroboken med övningar och ljud."),
        ("Historiekartan", "Historia", "Interaktiva kartor och källor från forntid till nutid."),
        ("Geografi 3D", "Geografi", "Jordklot och kartlager att utforska i klassrummet."),
        ("Kemilabbet", "Kemi", "Virtuella laborationer med säkerhetsgenomgång."),
        ("Fysikfenomen", "Fysik", "Simuleringar av rörelse, energi och elektricitet."),
        ("Biologibanken", "Biologi", "Bilder, filmer och quiz om människokroppen och naturen."),
        ("Vokabel", "Engelska", "Glosträning med taligenkänning."),
        ("English Stories", "Engelska", "Lättlästa berättelser med uppläsning."),
        ("Språkbron", "Moderna språk", "Glosor och hörövningar i tyska, franska och spanska."),
        ("Skrivstöd", "Svenska som andraspråk", "Stavningskontroll och ordprediktion för elever som behöver stöd."),
        ("Talsyntes", "Alla ämnen", "Uppläsning av text på skärmen."),
        ("Quiz", "Alla ämnen", "Frågesporter i klassrummet; eleverna svarar från egna enheter."),
        ("Musikstudion", "Musik", "Komponera och spela in musik i webbläsaren."),
        ("Bildverkstad", "Bild", "Digitalt måleri och bildanalys."),
        ("Idrottsdagboken", "Idrott och hälsa", "Träningsdagbok och rörelseövningar."),
        ("Religionsresan", "Religionskunskap", "Berättelser och filmer om världsreligionerna."),
        ("Slöjdskissen", "Slöjd", "Mönster och skisser för textil- och trä­slöjd."),
        ("Hemkunskapsköket", "Hem- och konsumentkunskap", "Recept, näringslära och budgetövningar."),
        ("Klassrumsplattform", "Alla ämnen", "Lärplattform med uppgifter, bedömning och kommunikation."),
        ("Provverktyget", "Alla ämnen", "Digitala prov med låst webbläsare."),
        ("Skärmdelning", "Alla ämnen", "Visa elevernas skärmar på tavlan."),
        ("Elevhälsan", "Elevhälsa", "Enkäter om trivsel och studiero."),
        ("Studievägledning", "Studie- och yrkesvägledning", "Utforska yrken och gymnasieprogram."),
        ("Ekonomispelet", "Matematik", "Privatekonomi som spel för högstadiet."),
    ];

    public static readonly string[] Grades = ["F–3", "F–6", "1–9", "4–6", "4–9", "7–9", "7–9, gymnasiet", "gymnasiet", "F–9"];
    public static readonly string[] Platforms = ["Webb", "Webb, iOS, Android", "iOS, Android", "Webb, Windows", "Webb, Chromebook"];
}
