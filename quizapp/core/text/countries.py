"""The names of the world's countries as English news writes them ("Mali", "Sierra Leone",
"the Netherlands"): a country opening a sentence is a body a next "It said" can mean."""

from __future__ import annotations

COUNTRY_NAMES = frozenset("""
afghanistan albania algeria andorra angola antigua argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada cape chad
chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica
ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo
kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua
niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland wales
""".split()) | frozenset(("sierra leone", "south africa", "south korea", "north korea",
                          "south sudan", "new zealand", "saudi arabia", "sri lanka", "costa rica",
                          "el salvador", "ivory coast", "papua new guinea", "east timor",
                          "united states", "united kingdom", "united arab emirates",
                          "czech republic", "dominican republic", "central african republic",
                          "equatorial guinea", "burkina faso", "cape verde", "north macedonia",
                          "guinea-bissau", "the netherlands", "the philippines", "the gambia"))


def is_country(name: str) -> bool:
    """Tell whether a name is a country's ("Mali", "Sierra Leone", "the Netherlands")."""
    return name.strip().lower() in COUNTRY_NAMES


#: Capitals (and seats of government) that news writes for their country's government:
#: "Moscow denied the strike", "Washington said": one entity with the country.
SEATS = {
    "moscow": "russia", "kremlin": "russia", "washington": "united states",
    "white house": "united states", "beijing": "china", "kyiv": "ukraine", "kiev": "ukraine",
    "london": "britain", "paris": "france", "berlin": "germany", "tokyo": "japan",
    "tehran": "iran", "ankara": "turkey", "pyongyang": "north korea", "seoul": "south korea",
    "new delhi": "india", "delhi": "india", "islamabad": "pakistan", "cairo": "egypt",
    "riyadh": "saudi arabia", "damascus": "syria", "baghdad": "iraq", "kabul": "afghanistan",
    "caracas": "venezuela", "havana": "cuba", "minsk": "belarus", "tripoli": "libya",
    "khartoum": "sudan", "nairobi": "kenya", "abuja": "nigeria", "pretoria": "south africa",
    "canberra": "australia", "ottawa": "canada", "rome": "italy", "madrid": "spain",
    "warsaw": "poland", "budapest": "hungary", "taipei": "taiwan", "hanoi": "vietnam",
    "manila": "philippines", "jakarta": "indonesia", "bangkok": "thailand", "dhaka": "bangladesh",
    "kathmandu": "nepal", "doha": "qatar", "baku": "azerbaijan", "yerevan": "armenia",
    "tbilisi": "georgia", "brasilia": "brazil", "mexico city": "mexico", "bogota": "colombia",
    "buenos aires": "argentina", "lima": "peru", "santiago": "chile", "addis ababa": "ethiopia",
}
#: Other names of a country, which its seat stands for too.
_SAME_COUNTRY = {"uk": "britain", "united kingdom": "britain", "us": "united states",
                 "usa": "united states", "america": "united states", "the us": "united states"}


def seat_of_country(a: str, b: str) -> bool:
    """Tell whether one name is the seat of government of the country the other names
    ("Moscow" and "Russia", "the Kremlin" and "Russia", "Washington" and "the US")."""
    def country(name: str) -> str:
        name = name.strip().lower().removeprefix("the ").strip()
        return _SAME_COUNTRY.get(name, name)
    ca, cb = country(a), country(b)
    return SEATS.get(ca) == cb or SEATS.get(cb) == ca
