"""The caption parser on captions written for these tests in each agency's style: one row per case."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import pytest

from catalog.captions import CaptionFacts, Credit, agency_for, load_rules, parse
from catalog.errors import CatalogError, NotFound


@dataclass(frozen=True)
class Expected:
    """Everything parse() should find; a field left out must come back None."""

    raw: str | None = None
    photographer: str | None = None
    agency: str | None = None
    provider: str | None = None
    date: str | None = None
    date_kind: str | None = None
    date_text: str | None = None
    released: str | None = None
    sublocation: str | None = None
    city: str | None = None
    province: str | None = None
    country: str | None = None


def found(facts: CaptionFacts) -> Expected:
    return Expected(
        raw=facts.credit.raw, photographer=facts.credit.photographer, agency=facts.credit.agency,
        provider=facts.credit.provider, date=facts.date, date_kind=facts.date_kind, date_text=facts.date_text,
        released=facts.released, **asdict(facts.location),
    )


CASES = [
    # --- "over" introduces a city too, not only a venue ------------------------------------------------------
    ("reuters: smoke over a city",
     "Smoke rises over the city of Kharkiv, Ukraine, on March 3, 2022. REUTERS/Oleksandr Lapshyn/File Photo",
     Expected(raw="REUTERS/Oleksandr Lapshyn/File Photo", photographer="Oleksandr Lapshyn", agency="Reuters",
              date="2022-03-03", date_kind="taken", city="Kharkiv", country="Ukraine")),
    ("xinhua: fireworks over a city",
     "Fireworks light up the sky over Beijing on Jan. 1, 2024. (Xinhua/Li Xin)",
     Expected(raw="Xinhua/Li Xin", photographer="Li Xin", agency="Xinhua", date="2024-01-01", date_kind="taken",
              city="Beijing")),
    # --- the three seed captions ----------------------------------------------------------------------------
    ("seed: Tianwen-2 handout",
     "This image released by the China National Space Administration on Oct. 1, 2025 shows a view of the "
     "Tianwen-2 probe alongside Earth, captured by the probe during its deep-space journey. (Photo provided "
     "by the China National Space Administration)",
     Expected(raw="Photo provided by the China National Space Administration",
              provider="China National Space Administration", date="2025-10-01", date_kind="released",
              released="2025-10-01")),
    ("seed: Hefei aircraft",
     "Researchers take a test drive on a new-generation long-range autonomous passenger aircraft at the "
     "Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)",
     Expected(raw="Photo/Zhang Dagang", photographer="Zhang Dagang", date="2025-10-14", date_kind="taken",
              sublocation="Luogang Park", city="Hefei", province="Anhui", country="China")),
    ("seed: Gansu bullet train",
     "A bullet train cuts across the vast Gobi landscape in Zhongchuan township, Lanzhou New Area, "
     "northwest China's Gansu province, Aug. 3, 2025. (Photo/Xu Gang)",
     Expected(raw="Photo/Xu Gang", photographer="Xu Gang", date="2025-08-03", date_kind="taken",
              sublocation="Zhongchuan township", city="Lanzhou New Area", province="Gansu", country="China")),

    # --- Xinhua ---------------------------------------------------------------------------------------------
    ("xinhua: agency/photographer",
     "Tourists visit the Mogao Grottoes in Dunhuang, northwest China's Gansu Province, Oct. 5, 2025. "
     "(Xinhua/Fan Peishen)",
     Expected(raw="Xinhua/Fan Peishen", photographer="Fan Peishen", agency="Xinhua", date="2025-10-05",
              date_kind="taken", sublocation="Mogao Grottoes", city="Dunhuang", province="Gansu",
              country="China")),
    ("xinhua: contributor byline, province then country",
     "An aerial drone photo taken on Sept. 28, 2025 shows the Huajiang Grand Canyon Bridge in Guizhou "
     "Province, southwest China. (Photo by Liu Xu/Xinhua)",
     Expected(raw="Photo by Liu Xu/Xinhua", photographer="Liu Xu", agency="Xinhua", date="2025-09-28",
              date_kind="taken", sublocation="Huajiang Grand Canyon Bridge", province="Guizhou",
              country="China")),
    ("xinhua: agency only",
     "Tourists visit Yuyuan Garden in Shanghai, east China, Oct. 2, 2025. (Xinhua)",
     Expected(raw="Xinhua", agency="Xinhua", date="2025-10-02", date_kind="taken",
              sublocation="Yuyuan Garden", city="Shanghai", country="China")),
    ("xinhua: wire dateline is the filing date",
     "CHINA-BEIJING-MUSEUM (CN)\n(251014) -- BEIJING, Oct. 14, 2025 (Xinhua) -- Visitors tour an exhibition "
     "at the National Museum of China in Beijing, capital of China, Oct. 12, 2025. (Xinhua/Chen Zhonghao)",
     Expected(raw="Xinhua/Chen Zhonghao", photographer="Chen Zhonghao", agency="Xinhua", date="2025-10-12",
              date_kind="taken", sublocation="National Museum of China", city="Beijing", country="China")),
    ("xinhua: county of a city",
     "Farmers harvest tea leaves in Meitan County of Zunyi City, southwest China's Guizhou Province, March "
     "20, 2025. (Photo by Chen Xi/Xinhua)",
     Expected(raw="Photo by Chen Xi/Xinhua", photographer="Chen Xi", agency="Xinhua", date="2025-03-20",
              date_kind="taken", sublocation=None, city="Zunyi", province="Guizhou",
              country="China")),  # (a county is no venue: capen10, as the labels accept)
    ("xinhua: autonomous region shortened, capital of",
     "Pilgrims pray at the Jokhang Temple in Lhasa, capital of southwest China's Xizang Autonomous Region, "
     "Feb. 28, 2025. (Photo by Purbu Zhaxi/Xinhua)",
     Expected(raw="Photo by Purbu Zhaxi/Xinhua", photographer="Purbu Zhaxi", agency="Xinhua",
              date="2025-02-28", date_kind="taken", sublocation="Jokhang Temple", city="Lhasa",
              province="Xizang", country="China")),
    ("xinhua: prefecture with two peoples stands in for the city",
     "People visit a market in Enshi Tujia and Miao Autonomous Prefecture, central China's Hubei Province, "
     "Oct. 4, 2025. (Xinhua/Wu Zhizun)",
     Expected(raw="Xinhua/Wu Zhizun", photographer="Wu Zhizun", agency="Xinhua", date="2025-10-04",
              date_kind="taken", city="Enshi Tujia and Miao Autonomous Prefecture", province="Hubei",
              country="China")),
    ("xinhua: district of a municipality",  # (the municipality's level below it, as the labels read it)
     "Customers buy mooncakes at a store in Xuhui District, east China's Shanghai, Sept. 15, 2025. "
     "(Xinhua/Fang Zhe)",
     Expected(raw="Xinhua/Fang Zhe", photographer="Fang Zhe", agency="Xinhua", date="2025-09-15",
              date_kind="taken", sublocation=None, city="Shanghai", country="China")),  # (a district: no venue)
    ("xinhua: reference point is left out, the province kept",
     "A man fishes at a reservoir 40km from Zhangye city, northwest China's Gansu Province, Oct. 2, 2025. "
     "(Xinhua/Fan Peishen)",
     Expected(raw="Xinhua/Fan Peishen", photographer="Fan Peishen", agency="Xinhua", date="2025-10-02",
              date_kind="taken", province="Gansu", country="China")),
    ("xinhua: a title is not the place",
     "Chen Yu, vice mayor of Shanghai, speaks at a forum in Hangzhou, east China's Zhejiang Province, Oct. "
     "10, 2025. (Xinhua/Huang Zongzhi)",
     Expected(raw="Xinhua/Huang Zongzhi", photographer="Huang Zongzhi", agency="Xinhua", date="2025-10-10",
              date_kind="taken", city="Hangzhou", province="Zhejiang", country="China")),
    ("xinhua: an origin is not the place",
     "Athletes from Dakar, Senegal, compete in Paris, France, Aug. 3, 2024. (Photo by Li Ying/Xinhua)",
     Expected(raw="Photo by Li Ying/Xinhua", photographer="Li Ying", agency="Xinhua", date="2024-08-03",
              date_kind="taken", city="Paris", country="France")),
    ("xinhua: a future date in a background sentence",
     "The opening ceremony of the National Games will be held on Nov. 9, 2025 in Guangzhou. Photo shows the "
     "venue in Guangzhou, south China's Guangdong Province, Oct. 20, 2025. (Xinhua/Liu Dawei)",
     Expected(raw="Xinhua/Liu Dawei", photographer="Liu Dawei", agency="Xinhua", date="2025-10-20",
              date_kind="taken", city="Guangzhou", province="Guangdong", country="China")),
    ("xinhua: a festival date before the photo date",
     "People take part in a ceremony marking the Spring Festival, which falls on Jan. 29 this year, in "
     "Harbin, northeast China's Heilongjiang Province, Jan. 20, 2025. (Xinhua/Zhang Tao)",
     Expected(raw="Xinhua/Zhang Tao", photographer="Zhang Tao", agency="Xinhua", date="2025-01-20",
              date_kind="taken", city="Harbin", province="Heilongjiang", country="China")),
    ("xinhua: a 'by' that is not a credit",
     "A house damaged by Typhoon Ragasa is seen in Yangjiang, south China's Guangdong Province, Sept. 25, "
     "2025. (Photo by Deng Hua/Xinhua)",
     Expected(raw="Photo by Deng Hua/Xinhua", photographer="Deng Hua", agency="Xinhua", date="2025-09-25",
              date_kind="taken", city="Yangjiang", province="Guangdong", country="China")),
    ("xinhua: dynasty years in parentheses are not a credit",
     "Relics from the Ming Dynasty (1368-1644) are displayed at the Nanjing Museum in Nanjing, east China's "
     "Jiangsu Province, May 18, 2025. (Xinhua/Li Bo)",
     Expected(raw="Xinhua/Li Bo", photographer="Li Bo", agency="Xinhua", date="2025-05-18", date_kind="taken",
              sublocation="Nanjing Museum", city="Nanjing", province="Jiangsu", country="China")),
    ("xinhua: a space agency's picture distributed by Xinhua",
     "The probe is seen on the lunar surface in this image released by the China National Space "
     "Administration (CNSA) on June 4, 2024. (Xinhua/CNSA)",
     Expected(raw="Xinhua/CNSA", agency="Xinhua", provider="CNSA", date="2024-06-04", date_kind="released",
              released="2024-06-04")),
    ("xinhua: undated photo, no date",
     "This undated photo shows the house where the writer was born in Shaoxing, east China's Zhejiang "
     "Province. (Xinhua)",
     Expected(raw="Xinhua", agency="Xinhua", city="Shaoxing", province="Zhejiang", country="China")),
    ("xinhua: possessive country before a foreign city",
     "Members of a rescue team search for survivors in Myanmar's Mandalay, March 30, 2025. (Xinhua/Myo Kyaw "
     "Soe)",
     Expected(raw="Xinhua/Myo Kyaw Soe", photographer="Myo Kyaw Soe", agency="Xinhua", date="2025-03-30",
              date_kind="taken", city="Mandalay", country="Myanmar")),
    ("xinhua: UAE expanded",
     "Delegates arrive for a summit in Dubai, UAE, on Dec. 1, 2023. (Xinhua/Wang Dongzhen)",
     Expected(raw="Xinhua/Wang Dongzhen", photographer="Wang Dongzhen", agency="Xinhua", date="2023-12-01",
              date_kind="taken", city="Dubai", country="United Arab Emirates")),
    ("xinhua: photographer named in the prose, courtesy provider",
     "Photo taken by astronaut Tang Hongbo shows the lights of Chongqing at night. (Photo courtesy of the "
     "CMSA)",
     Expected(raw="Photo courtesy of the CMSA", photographer="Tang Hongbo", provider="CMSA")),

    # --- China Daily, People's Daily Online, China News Service, CGTN, Global Times -------------------------
    ("chinadaily: bracketed byline",
     "Visitors view cherry blossoms at Yuyuantan Park in Beijing, March 25, 2025. [Photo by Wang Jing/China "
     "Daily]",
     Expected(raw="Photo by Wang Jing/China Daily", photographer="Wang Jing", agency="China Daily",
              date="2025-03-25", date_kind="taken", sublocation="Yuyuantan Park", city="Beijing")),
    ("chinadaily: photo provided to",
     "Tourists take photos at the Great Wall in Beijing's Yanqing district on Oct 3, 2025. [Photo provided "
     "to China Daily]",
     Expected(raw="Photo provided to China Daily", agency="China Daily", date="2025-10-03", date_kind="taken",
              sublocation="Great Wall", city="Beijing")),
    ("chinadaily: photo agency, no dot in the month",
     "A performer stages a show during a temple fair in Xi'an, Shaanxi province, on Feb 2, 2025. [Photo/VCG]",
     Expected(raw="Photo/VCG", agency="VCG", date="2025-02-02", date_kind="taken", city="Xi'an",
              province="Shaanxi")),
    ("chinadaily: for China Daily, county without a city, no date",
     "Students attend a class at a primary school in Rongjiang county, Guizhou province. [Photo by Yang "
     "Jun/For China Daily]",
     Expected(raw="Photo by Yang Jun/For China Daily", photographer="Yang Jun", agency="China Daily",
              city="Rongjiang county", province="Guizhou")),
    ("chinadaily: month and year only",
     "Workers build a bridge in Ningbo, Zhejiang province, in August 2025. [Photo/IC]",
     Expected(raw="Photo/IC", agency="IC", date="2025-08", date_kind="taken", city="Ningbo",
              province="Zhejiang")),
    ("chinadaily: weekday only",
     "Volunteers clean up a beach in Qingdao, Shandong province on Saturday. [Photo by Zhang Jingang/For "
     "China Daily]",
     Expected(raw="Photo by Zhang Jingang/For China Daily", photographer="Zhang Jingang",
              agency="China Daily", date_kind="taken", date_text="Saturday", city="Qingdao",
              province="Shandong")),
    ("peoplesdaily: outlet/photographer",
     "Visitors enjoy autumn scenery at the Xiangshan Park in Beijing, Oct. 26, 2025. (People's Daily "
     "Online/Zhang Wei)",
     Expected(raw="People's Daily Online/Zhang Wei", photographer="Zhang Wei", agency="People's Daily Online",
              date="2025-10-26", date_kind="taken", sublocation="Xiangshan Park", city="Beijing")),
    ("cns: 'CNS Photo' is China News Service",
     "A robot dog performs at an expo in Shenzhen, south China's Guangdong Province, May 15, 2025. (CNS "
     "Photo/Chen Wen)",
     Expected(raw="CNS Photo/Chen Wen", photographer="Chen Wen", agency="China News Service",
              date="2025-05-15", date_kind="taken", city="Shenzhen", province="Guangdong", country="China")),
    ("cgtn: slash credit after the text (the slash is a separator, no part of the raw credit, as labelled)",
     "A view of the Summer Palace in Beijing, China, May 1, 2025. /CGTN",
     Expected(raw="CGTN", agency="CGTN", date="2025-05-01", date_kind="taken", sublocation="Summer Palace",
              city="Beijing", country="China")),
    ("globaltimes: photographer/outlet by the short name the agency registry knows",
     "Residents dance in a square in Chongqing, southwest China, Oct. 1, 2025. Photo: Cui Meng/GT",
     Expected(raw="Photo: Cui Meng/GT", photographer="Cui Meng", agency="Global Times", date="2025-10-01",
              date_kind="taken", city="Chongqing", country="China")),

    # --- AP -------------------------------------------------------------------------------------------------
    ("ap: weekday, month abbreviation",
     "A man rides a bicycle past a mural in Beijing, Wednesday, Oct. 15, 2025. (AP Photo/Ng Han Guan)",
     Expected(raw="AP Photo/Ng Han Guan", photographer="Ng Han Guan", agency="AP", date="2025-10-15",
              date_kind="taken", city="Beijing")),
    ("ap: file photo tag",
     "FILE - Police officers patrol near the Great Hall of the People in Beijing, on March 4, 2024. (AP "
     "Photo/Andy Wong, File)",
     Expected(raw="AP Photo/Andy Wong, File", photographer="Andy Wong", agency="AP", date="2024-03-04",
              date_kind="taken", sublocation="Great Hall of the People", city="Beijing")),
    ("ap: aggregator order, Sept.",
     "Workers set up decorations near Tiananmen Square in Beijing, Friday, Sept. 26, 2025. (Photo by Andy "
     "Wong/AP Photo)",
     Expected(raw="Photo by Andy Wong/AP Photo", photographer="Andy Wong", agency="AP", date="2025-09-26",
              date_kind="taken", sublocation="Tiananmen Square", city="Beijing")),
    ("ap: via AP is the distributor",
     "In this photo released by Xinhua News Agency, Chinese President Xi Jinping speaks during a meeting in "
     "Beijing, Thursday, Oct. 16, 2025. (Li Xueren/Xinhua via AP)",
     Expected(raw="Li Xueren/Xinhua via AP", photographer="Li Xueren", agency="AP", date="2025-10-16",
              date_kind="taken", city="Beijing")),
    ("ap: undated photo released on a date",
     "In this undated photo released by the Korean Central News Agency on Oct. 10, 2025, North Korean "
     "leader Kim Jong Un inspects a factory. (Korean Central News Agency/Korea News Service via AP)",
     Expected(raw="Korean Central News Agency/Korea News Service via AP", agency="AP", date="2025-10-10",
              date_kind="released", released="2025-10-10")),
    ("ap: state abbreviation",
     "Firefighters battle a blaze in Altadena, Calif., Wednesday, Jan. 8, 2025. (AP Photo/Ethan Swope)",
     Expected(raw="AP Photo/Ethan Swope", photographer="Ethan Swope", agency="AP", date="2025-01-08",
              date_kind="taken", city="Altadena", province="Calif.")),
    ("ap: no year gives date_text",
     "Members attend a rally in Hong Kong on January 7. (AP Photo/Kin Cheung)",
     Expected(raw="AP Photo/Kin Cheung", photographer="Kin Cheung", agency="AP", date_kind="taken",
              date_text="January 7", city="Hong Kong")),
    ("ap: a congressional tag in parentheses, no full stop before the credit",
     "Rep. Nancy Pelosi (D-CA) speaks to reporters at the U.S. Capitol in Washington on Tuesday, June 3, "
     "2025 (AP Photo/J. Scott Applewhite)",
     Expected(raw="AP Photo/J. Scott Applewhite", photographer="J. Scott Applewhite", agency="AP",
              date="2025-06-03", date_kind="taken", sublocation="U.S. Capitol", city="Washington")),

    # --- Reuters --------------------------------------------------------------------------------------------
    ("reuters: agency-led tail",
     "People walk past a giant screen in Beijing, China, October 20, 2025. REUTERS/Tingshu Wang",
     Expected(raw="REUTERS/Tingshu Wang", photographer="Tingshu Wang", agency="Reuters", date="2025-10-20",
              date_kind="taken", city="Beijing", country="China")),
    ("reuters: file photo and editors' note",
     "Cars drive past a billboard in Shanghai, China, January 5, 2025. REUTERS/Go Nakamura/File Photo "
     "ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY.",
     Expected(raw="REUTERS/Go Nakamura/File Photo", photographer="Go Nakamura", agency="Reuters",
              date="2025-01-05", date_kind="taken", city="Shanghai", country="China")),
    ("reuters: no comma before the date, US state",
     "Supporters cheer at a rally in Rome, New York April 12, 2025. REUTERS/Carlos Barria",
     Expected(raw="REUTERS/Carlos Barria", photographer="Carlos Barria", agency="Reuters", date="2025-04-12",
              date_kind="taken", city="Rome", province="New York")),
    ("reuters: handout via",
     "A satellite image shows the damaged port in Odesa, Ukraine, June 10, 2025. Maxar Technologies/Handout "
     "via REUTERS",
     Expected(raw="Maxar Technologies/Handout via REUTERS", agency="Reuters", provider="Maxar Technologies",
              date="2025-06-10", date_kind="taken", city="Odesa", country="Ukraine")),
    ("reuters: an organisation in the photographer's slot",
     "A missile is launched from an undisclosed location in this picture released on Oct. 9, 2025. "
     "REUTERS/KCNA",
     Expected(raw="REUTERS/KCNA", agency="Reuters", provider="KCNA", date="2025-10-09", date_kind="released",
              released="2025-10-09")),
    ("reuters: autonomous region with no city",
     "A worker inspects solar panels at a solar farm in Ningxia Hui Autonomous Region, China, May 12, 2025. "
     "REUTERS/Go Nakamura",
     Expected(raw="REUTERS/Go Nakamura", photographer="Go Nakamura", agency="Reuters", date="2025-05-12",
              date_kind="taken", province="Ningxia", country="China")),

    # --- Getty, VCG -----------------------------------------------------------------------------------------
    ("getty: dateline, event name, date before place",
     "BEIJING, CHINA - OCTOBER 14: A visitor takes a photo of a robot at the World Robot Conference on "
     "October 14, 2025 in Beijing, China. (Photo by Kevin Frayer/Getty Images)",
     Expected(raw="Photo by Kevin Frayer/Getty Images", photographer="Kevin Frayer", agency="Getty Images",
              date="2025-10-14", date_kind="taken", city="Beijing", country="China")),
    ("getty: VCG in the photographer's slot",
     "Dancers perform during a gala on Sept. 30, 2025 in Changsha, Hunan Province of China. (Photo by "
     "VCG/VCG via Getty Images)",
     Expected(raw="Photo by VCG/VCG via Getty Images", agency="Getty Images", date="2025-09-30",
              date_kind="taken", city="Changsha", province="Hunan", country="China")),
    ("getty: a chain of distributors",
     "Shoppers choose goods at a supermarket on October 2, 2025 in Nanjing, Jiangsu Province of China. "
     "(Photo by Yang Bo/China News Service/VCG via Getty Images)",
     Expected(raw="Photo by Yang Bo/China News Service/VCG via Getty Images", photographer="Yang Bo",
              agency="Getty Images", date="2025-10-02", date_kind="taken", city="Nanjing", province="Jiangsu",
              country="China")),
    ("getty: autonomous region of China",
     "Lanterns light up a street on February 12, 2025 in Nanning, Guangxi Zhuang Autonomous Region of "
     "China. (Photo by Yu Jing/VCG via Getty Images)",
     Expected(raw="Photo by Yu Jing/VCG via Getty Images", photographer="Yu Jing", agency="Getty Images",
              date="2025-02-12", date_kind="taken", city="Nanning", province="Guangxi", country="China")),

    # --- AFP ------------------------------------------------------------------------------------------------
    ("afp: byline with spaced slash",
     "A woman walks past a portrait at Tiananmen Gate in Beijing on October 1, 2025. (Photo by Pedro PARDO "
     "/ AFP)",
     Expected(raw="Photo by Pedro PARDO / AFP", photographer="Pedro PARDO", agency="AFP", date="2025-10-01",
              date_kind="taken", sublocation="Tiananmen Gate", city="Beijing")),
    ("afp: AFP PHOTO lead, no full stop",
     "A miner rests after a shift on May 13, 2025 in Soma, western Turkey (AFP PHOTO / OZAN KOSE)",
     Expected(raw="AFP PHOTO / OZAN KOSE", photographer="OZAN KOSE", agency="AFP", date="2025-05-13",
              date_kind="taken", city="Soma", country="Turkey")),
    ("afp: copyright line on its own line",
     "A man cycles along a road in eastern Ukraine on December 28, 2024.\n© Genya SAVILOV / AFP",
     Expected(raw="© Genya SAVILOV / AFP", photographer="Genya SAVILOV", agency="AFP", date="2024-12-28",
              date_kind="taken", country="Ukraine")),
    ("afp: stringer and a distribution restriction",
     "Farmers dry chili peppers in a village in Guizhou province on September 9, 2025. (Photo by STR / AFP) "
     "/ China OUT",
     Expected(raw="Photo by STR / AFP", agency="AFP", date="2025-09-09", date_kind="taken",
              province="Guizhou")),
    ("afp: web page label glued to the caption",
     "Image copyrightAFPImage captionVolunteers hand out food in Kabul, Afghanistan, on 3 September 2025",
     Expected(raw="Image copyrightAFP", agency="AFP", date="2025-09-03", date_kind="taken", city="Kabul",
              country="Afghanistan")),

    # --- EPA ------------------------------------------------------------------------------------------------
    ("epa: picture id, day-month-year, a name inside a city is a venue",
     "epa12345678 People visit the Bund in Shanghai, China, 05 October 2025. EPA-EFE/ALEX PLAVEVSKI",
     Expected(raw="EPA-EFE/ALEX PLAVEVSKI", photographer="ALEX PLAVEVSKI", agency="EPA-EFE",
              date="2025-10-05", date_kind="taken", sublocation="Bund", city="Shanghai", country="China")),
    ("epa: issued date beside the taken date",
     "epa11111111 Actor Wu Jing (C) attends a premiere in Beijing, China, 20 January 2025 (issued 21 "
     "January 2025). EPA-EFE/JESSICA LEE",
     Expected(raw="EPA-EFE/JESSICA LEE", photographer="JESSICA LEE", agency="EPA-EFE", date="2025-01-20",
              date_kind="taken", released="2025-01-21", city="Beijing", country="China")),
    ("epa: EPA/EFE is EPA-EFE",
     "Commuters crowd a platform in Tokyo, Japan, 2 April 2025. EPA/EFE/FRANCK ROBICHON",
     Expected(raw="EPA/EFE/FRANCK ROBICHON", photographer="FRANCK ROBICHON", agency="EPA-EFE",
              date="2025-04-02", date_kind="taken", city="Tokyo", country="Japan")),

    # --- others: space agencies, archives, credits first ----------------------------------------------------
    ("other: provider after 'Photo:'",
     "The space station, now fully assembled. Photo: China Manned Space Agency",
     Expected(raw="Photo: China Manned Space Agency", provider="China Manned Space Agency")),
    ("other: two providers, the first kept (the sets label the source that hands it out)",
     "An image taken by the Hubble Space Telescope shows a spiral galaxy. Photo: NASA/ESA",
     Expected(raw="Photo: NASA/ESA", provider="NASA")),
    # the three below: a source in closing brackets with nothing saying it is a credit is read (raw), and left out
    # by the confidence gate (confidence.toml: such providers were right about half the time on tune)
    ("other: archive acronym after a full stop, year only",
     "Soldiers march through a street in Shanghai, China in 1937.(LOC)",
     Expected(raw="LOC", provider=None, date="1937", date_kind="taken", city="Shanghai", country="China")),
    ("other: credit line first",
     "Li Wei / SHINE\nA boy feeds pigeons at Fuxing Park on March 2.",
     Expected(raw="Li Wei / SHINE", photographer="Li Wei", agency="SHINE", date_kind="taken",
              date_text="March 2", sublocation="Fuxing Park")),
    ("other: no credit, a quoted agency is not one",
     "The author signs books at a fair in Dubai, UAE, on March 8, 2025. He told Xinhua that reading matters.",
     Expected(date="2025-03-08", date_kind="taken", city="Dubai", country="United Arab Emirates")),
    ("other: off Earth, nothing located",
     "This picture of the lander was taken by a small rover soon after its June 2 landing. CNSA/CLEP",
     Expected(raw="CNSA/CLEP", provider=None, date_text="June 2")),
    ("other: courtesy of an agency photographer is an ordinary credit",
     "A weightlifter grimaces during a lift.\n\nPhoto: Photograph courtesy of Edgard Garrido/Reuters.",
     Expected(raw="Photo: Photograph courtesy of Edgard Garrido/Reuters", photographer="Edgard Garrido",
              agency="Reuters")),
    ("other: 'Photo Credit:' label around a bracketed credit",
     "An astronaut speaks at the Grand Hyatt Hotel in Washington, Feb. 27, 2025. Photo Credit: (NASA/Joel "
     "Kowsky)",
     Expected(raw="Photo Credit: (NASA/Joel Kowsky)", photographer="Joel Kowsky", agency="NASA",
              date="2025-02-27", date_kind="taken", sublocation="Grand Hyatt Hotel", city="Washington")),

    # --- dates ----------------------------------------------------------------------------------------------
    ("dates: a taken range keeps the month",
     "Photos taken between Oct. 1 and 3, 2025 show migrating birds at Poyang Lake in Jiujiang, east China's "
     "Jiangxi Province. (Xinhua/Wan Xiang)",
     Expected(raw="Xinhua/Wan Xiang", photographer="Wan Xiang", agency="Xinhua", date="2025-10",
              date_kind="taken", sublocation="Poyang Lake", city="Jiujiang", province="Jiangxi",
              country="China")),
    ("dates: a birth date is background",
     "A woman born on March 3, 1950 poses at her home in Suzhou, Jiangsu province, March 3, 2025. (Photo/Xu "
     "Jun)",
     Expected(raw="Photo/Xu Jun", photographer="Xu Jun", date="2025-03-03", date_kind="taken", city="Suzhou",
              province="Jiangsu")),
    ("dates: an impossible day is kept as text",
     "A parade passes the square in Rome, Italy, on Feb. 30, 2025. (Photo/Li Ming)",
     Expected(raw="Photo/Li Ming", photographer="Li Ming", date_kind="taken", date_text="Feb. 30, 2025",
              city="Rome", country="Italy")),
    ("dates: a relative day is a date without a year, the photo's (the contract's clarification)",
     "A student plays a game at Century Plaza yesterday. [eastday.com]",
     Expected(raw="eastday.com", agency="eastday.com", date_kind="taken", date_text="yesterday",
              sublocation="Century Plaza")),
    ("dates: weekday released",
     "In this photo released on Friday, a singer poses at the Copacabana beach in Rio de Janeiro, Brazil. "
     "(Photo by Mauro Pimentel / AFP)",
     Expected(raw="Photo by Mauro Pimentel / AFP", photographer="Mauro Pimentel", agency="AFP",
              date_kind="released", date_text="Friday", sublocation="Copacabana beach", city="Rio de Janeiro",
              country="Brazil")),

    # --- places ---------------------------------------------------------------------------------------------
    ("places: foreign city and country",
     "Market square in Kraków, Poland, on May 3, 2024. (Photo/Józef Nowak)",
     Expected(raw="Photo/Józef Nowak", photographer="Józef Nowak", date="2024-05-03", date_kind="taken",
              sublocation="Market square", city="Kraków", country="Poland")),
    ("places: possessive city before a district",
     "Residents exercise in Hefei's Binhu District, Oct. 9, 2025. (Xinhua/Zhou Mu)",
     Expected(raw="Xinhua/Zhou Mu", photographer="Zhou Mu", agency="Xinhua", date="2025-10-09",
              date_kind="taken", sublocation=None, city="Hefei")),  # (a Chinese city's district: no site)
    ("places: an event is not a venue",
     "Athletes compete at the Tokyo Marathon in Tokyo, Japan, March 2, 2025. (Xinhua/Jia Haocheng)",
     Expected(raw="Xinhua/Jia Haocheng", photographer="Jia Haocheng", agency="Xinhua", date="2025-03-02",
              date_kind="taken", city="Tokyo", country="Japan")),
    ("places: the larger of two venues",
     "Tourists pose by a statue on Liberty Island in New York, Sunday, June 1, 2025. (AP Photo/Yuki Iwamura)",
     Expected(raw="AP Photo/Yuki Iwamura", photographer="Yuki Iwamura", agency="AP", date="2025-06-01",
              date_kind="taken", sublocation="Liberty Island", city="New York")),
    ("places: open water has no country",
     "A vessel sails near Scarborough Shoal in the South China Sea, April 10, 2025.",
     Expected(date="2025-04-10", date_kind="taken", sublocation="Scarborough Shoal")),

    # --- more credit and dateline shapes --------------------------------------------------------------------
    ("ap: a space agency's handout distributed by AP",
     "This photo provided by NASA shows the Earth from the International Space Station on Oct. 3, 2025. "
     "(NASA via AP)",
     Expected(raw="NASA via AP", agency="AP", provider="NASA", date="2025-10-03", date_kind="taken")),
    ("xinhua: two photographers (the first named)",
     "Students attend a ceremony in Beijing, Oct. 14, 2025. (Xinhua/Li Xin, Zhang Yu)",
     Expected(raw="Xinhua/Li Xin, Zhang Yu", photographer="Li Xin", agency="Xinhua",
              date="2025-10-14", date_kind="taken", city="Beijing")),
    ("getty: pool photographer",
     "Leaders attend a banquet in Beijing, China, September 3, 2025. "
     "(Photo by Wang Zhao - Pool/Getty Images)",
     Expected(raw="Photo by Wang Zhao - Pool/Getty Images", photographer="Wang Zhao", agency="Getty Images",
              date="2025-09-03", date_kind="taken", city="Beijing", country="China")),
    ("getty: a picture agency in the photographer's slot",
     "A vendor sells fruit at a market on October 9, 2025 in Beijing, China. "
     "(Photo by Feature China/Barcroft Media via Getty Images)",
     Expected(raw="Photo by Feature China/Barcroft Media via Getty Images", agency="Getty Images",
              date="2025-10-09", date_kind="taken", city="Beijing", country="China")),
    ("getty: a picture desk's dateline is the scene when the text gives none",
     "Shanghai, China - October 14, 2025: Tourists walk along the Bund. (Photo by Tang Yanjun/China News "
     "Service/VCG via Getty Images)",
     Expected(raw="Photo by Tang Yanjun/China News Service/VCG via Getty Images", photographer="Tang Yanjun",
              agency="Getty Images", date="2025-10-14", date_kind="taken", sublocation="Bund", city="Shanghai",
              country="China")),  # (the Bund: a venue the register knows, written with no generic word)
    ("getty: a picture desk's dateline gives its state when the text names its town again without one",
     "ROYAL OAK, MI - MARCH 3: A juror walks into the courthouse March 3, 2011 in Royal Oak. "
     "(Photo by Ann Mercer/Getty Images)",
     Expected(raw="Photo by Ann Mercer/Getty Images", photographer="Ann Mercer", agency="Getty Images",
              date="2011-03-03", date_kind="taken", city="Royal Oak", province="MI")),
    ("getty: a picture desk's dateline gives its town when the text names only a venue of it",
     "LEEDS, ENGLAND - APRIL 2: Fans queue outside Headingley Stadium on April 2, 2016. "
     "(Photo by Tom Harrow/Getty Images)",
     Expected(raw="Photo by Tom Harrow/Getty Images", photographer="Tom Harrow", agency="Getty Images",
              date="2016-04-02", date_kind="taken", sublocation="Headingley Stadium", city="Leeds",
              province="England")),
    ("getty: a picture desk's dateline gives nothing to a text naming another town",
     "LEEDS, ENGLAND - APRIL 2: Fans queue outside the stadium in Bradford on April 2, 2016. "
     "(Photo by Tom Harrow/Getty Images)",
     Expected(raw="Photo by Tom Harrow/Getty Images", photographer="Tom Harrow", agency="Getty Images",
              date="2016-04-02", date_kind="taken", city="Bradford")),
    ("other: a sport desk's opening 'Date; Town, State, USA;' is the scene's place and date",
     "Oct 4, 2021; Columbus, OH, USA; Zembla Comets wide receiver Ann Quorv (14) runs after a catch in the "
     "second half at Marrow Field. Mandatory Credit: Tom Harrow-USA TODAY Sports",
     Expected(raw="Credit: Tom Harrow-USA TODAY Sports", photographer="Tom Harrow", agency="USA TODAY Sports",
              date="2021-10-04", date_kind="taken", sublocation="Marrow Field", city="Columbus", province="OH",
              country="United States")),
    ("other: a sport desk's opening names a state written whole, the text a venue it places nowhere",
     "May 2, 2019; Louisville, Kentucky, USA; Horses gallop in morning training on the backstretch. "
     "Mandatory Credit: Tom Harrow-USA TODAY Sports",
     Expected(raw="Credit: Tom Harrow-USA TODAY Sports", photographer="Tom Harrow", agency="USA TODAY Sports",
              date="2019-05-02", date_kind="taken", city="Louisville", province="Kentucky",
              country="United States")),
    ("other: a navy's dateline, the place in capitals and its date in brackets, gives the town the text lacks",
     "210312-N-QV906-1042 NORFOLK (March 12, 2021) Sailors load supplies onto a pier truck. (U.S. Navy photo by "
     "Mass Communication Specialist 2nd Class Ann Quorv)",
     Expected(raw="U.S. Navy photo by Mass Communication Specialist 2nd Class Ann Quorv", photographer="Ann Quorv",
              agency="U.S. Navy", date="2021-03-12", date_kind="taken", city="Norfolk")),
    ("other: a navy's dateline at sea places nothing",
     "210312-N-QV906-1042 PHILIPPINE SEA (March 12, 2021) Sailors load supplies on the flight deck.",
     Expected(date="2021-03-12", date_kind="taken")),
    ("other: words in capitals before a bracketed date are no navy's dateline unless the gazetteer holds the town",
     "FILE PHOTO (March 12, 2021) Sailors load supplies on the flight deck.",
     Expected(date="2021-03-12", date_kind="taken")),
    ("xinhua: an appositive makes a town of the name before it",
     "Tourists visit Wuzhen, a water town in Tongxiang City of Jiaxing, east China's Zhejiang Province, "
     "Oct. 3, 2025. (Xinhua/Xu Yu)",
     Expected(raw="Xinhua/Xu Yu", photographer="Xu Yu", agency="Xinhua", date="2025-10-03", date_kind="taken",
              sublocation="Wuzhen", city="Tongxiang", province="Zhejiang", country="China")),
    ("xinhua: a country name with a possessive inside",
     "People watch a parade in Pyongyang, the Democratic People's Republic of Korea (DPRK), Oct. 10, 2025. "
     "(Xinhua)",
     Expected(raw="Xinhua", agency="Xinhua", date="2025-10-10", date_kind="taken", city="Pyongyang",
              country="Democratic People's Republic of Korea")),
    ("chinadaily: 'Photo/' names an outlet, never a provider",
     "Farmers harvest corn in mid-October 2025 in Heilongjiang province. [Photo/Sipaphoto]",
     Expected(raw="Photo/Sipaphoto", agency="Sipaphoto", date="2025-10", date_kind="taken",
              province="Heilongjiang")),
    ("other: taken from orbit, no place on Earth named as the scene",
     "iss073e0123456 (Oct. 2, 2025) --- The city lights are pictured from the International Space Station "
     "as it orbited above the Pacific.",
     Expected(date="2025-10-02", date_kind="taken")),
    ("other: outside a reference point, its country kept",
     "Refugees wait for food at a camp outside Kabul, Afghanistan, in 1996. (Library of Congress) #",
     Expected(raw="Library of Congress", provider="Library of Congress", date="1996", date_kind="taken",
              country="Afghanistan")),
    ("other: near a town, nothing else placing the scene",
     "Brides walk in a mass wedding procession near Bhopal, India, 20 April 2016. EPA/Sanjeev Gupta",
     Expected(raw="EPA/Sanjeev Gupta", photographer="Sanjeev Gupta", agency="EPA-EFE", date="2016-04-20",
              date_kind="taken", city="Bhopal", country="India")),
    ("other: near a town, the scene placed in another",
     "A man clutches his son as a wildfire rages in Rafina, near Athens, July 23, 2018. AFP/Angelos Tzortzinis",
     Expected(raw="AFP/Angelos Tzortzinis", photographer="Angelos Tzortzinis", agency="AFP", date="2018-07-23",
              date_kind="taken", city="Rafina")),
    ("other: a credit line that names nobody",
     "Officials inspect the site. Photo: Handout",
     Expected(raw="Photo: Handout")),
    ("other: a file-photo note is no credit",
     "Cranes stand on the bank of the Yangtze River in Wuhan. (File photo)",
     Expected(sublocation="Yangtze River", city="Wuhan")),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse(text, expected):
    assert found(parse(text)) == expected


def test_raw_is_in_the_text_and_the_description_drops_the_credit():
    text = "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)"
    facts = parse(text)
    assert facts.credit.raw in text
    assert facts.description == "Pandas play in Chengdu, Oct. 2, 2025."


@pytest.mark.parametrize("text, raw, photographer, agency", [
    # a gallery's name on one line and its agency on the next: read as one credit, kept as written
    ("Crews work through the night on the bridge.\nMarta Quorvik\nAP Photo", "Marta Quorvik\nAP Photo",
     "Marta Quorvik", "AP"),
    # a credit broken after its slash goes on on the next line
    ("Crews work through the night on the bridge.\nMarta Quorvik /\nWindsor Star", "Marta Quorvik /\nWindsor Star",
     "Marta Quorvik", "Windsor Star"),
])
def test_a_credit_on_two_lines_keeps_its_lines_as_written(text, raw, photographer, agency):
    credit = parse(text).credit
    assert (credit.raw, credit.photographer, credit.agency) == (raw, photographer, agency)
    assert credit.raw in text


def test_description_of_a_credit_first_caption():
    assert parse("Li Wei / SHINE\nA boy feeds pigeons.").description == "A boy feeds pigeons."


def test_description_keeps_editors_notes_but_not_the_credit():
    facts = parse("Cars pass a billboard in Shanghai, China, January 5, 2025. REUTERS/Go Nakamura TPX IMAGES")
    assert facts.description == "Cars pass a billboard in Shanghai, China, January 5, 2025. TPX IMAGES"


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_caption(text):
    facts = parse(text)
    assert (facts.description, facts.credit, facts.date) == (None, Credit(), None)


def test_to_json_round_trip_keys():
    data = parse("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)").to_json()
    assert data["credit"]["agency"] == "Xinhua" and data["location"]["city"] == "Chengdu"


# --- house rules --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("credit, line", [
    (Credit(photographer="Zhang Dagang"), "Photo/Zhang Dagang"),
    (Credit(provider="China National Space Administration"), "Photo: China National Space Administration"),
    (Credit(photographer="Li Xin", agency="Xinhua"), "Xinhua/Li Xin"),
    (Credit(photographer="Andy Wong", agency="AP"), "AP Photo/Andy Wong"),
    (Credit(photographer="Go Nakamura", agency="Reuters"), "REUTERS/Go Nakamura"),
    (Credit(photographer="Sean Weekly", agency="Animal News Agency"), "Sean Weekly/Animal News Agency"),
    (Credit(agency="AP"), "AP Photo"),
    (Credit(agency="Xinhua"), "Xinhua"),
    (Credit(), ""),
])
def test_credit_line(credit, line):
    assert load_rules().credit_line(credit) == line


@pytest.mark.parametrize("written, standard", [
    ("Xinhua News Agency", "Xinhua"), ("REUTERS", "Reuters"), ("EPA/EFE", "EPA-EFE"), ("AFP PHOTO", "AFP"),
    ("chinadaily.com.cn", "China Daily"), ("AP Photo/Andy Wong", "AP"), ("Photo by Kevin Frayer/Getty Images",
                                                                          "Getty Images"),
])
def test_agency_for_a_credit_line(written, standard):
    assert agency_for(written, load_rules()) == standard


def test_user_rules_are_read_over_the_default(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(
        '[agencies]\n"Visual China Group" = "Visual China"\n\n[staff]\n"Zhang Dagang" = "China Daily"\n\n'
        '[credit_lines.agencies]\n"China Daily" = "{photographer} / CHINA DAILY"\n',
        encoding="utf-8",
    )
    rules = load_rules(str(path))
    assert rules.standard_agency("Visual China Group") == "Visual China"
    assert rules.standard_agency("Xinhua News Agency") == "Xinhua"  # the default's aliases stay
    facts = parse("Researchers test an aircraft in Hefei, Oct. 14, 2025. (Photo/Zhang Dagang)", rules)
    assert facts.credit.agency == "China Daily"
    assert rules.credit_line(facts.credit) == "Zhang Dagang / CHINA DAILY"
    assert rules.credit_line(Credit(photographer="Li Xin", agency="Xinhua")) == "Xinhua/Li Xin"


def test_missing_rules_file(tmp_path):
    with pytest.raises(NotFound, match="does not exist"):
        load_rules(str(tmp_path / "nope.toml"))


@pytest.mark.parametrize("content, message", [
    ("[agencies\n", "not valid TOML"),
    ('[credit_lines]\nphotographer = "Photo/{name}"\n', "placeholders"),
    ('[agencies]\n"AP" = 3\n', "must hold lines"),
    ('[sounds]\nx = "y"\n', "unknown table"),
])
def test_bad_rules_file(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        load_rules(str(path))


@pytest.mark.parametrize("module", ["text", "credits", "dates", "locations", "parser", "rules", "credit_leadins",
                                    "credit_reader", "credit_names", "types"])
def test_docstring_examples_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"catalog.captions.{module}"))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("module", ["place_names", "place_chains", "place_fields", "chinese", "chinese_words",
                                    "chinese_credits", "chinese_dates", "chinese_places", "venue_spots",
                                    "chinese_venues"])
def test_docstring_examples_hold_in_the_place_and_chinese_readers(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"catalog.captions.{module}"))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("text, city, agency", [
    ("in" + " " * 20000 + "Hefei", "Hefei", None),  # a long gap: no regex runs away on it
    ("in " + "Aba and " * 2000 + "Prefecture", "Aba", None),  # "and" is looked past once, not recursively
    ("in " + "China's " * 2000 + "Park", None, None),  # possessives nest a few levels, not two thousand
    ("\n" * 10000 + "(Xinhua)", None, "Xinhua"),
    ("Visitors at the " + "Hall of " * 2000 + "People in Beijing, Oct. 1, 2025.", "Beijing", None),
])
def test_hostile_captions(text, city, agency):
    facts = parse(text)
    assert (facts.location.city, facts.credit.agency) == (city, agency)


def test_places_false_skips_only_the_place():
    text = ("Researchers take a test drive at the Luogang Park in Hefei, east China's Anhui province, "
            "Oct. 14, 2025. (Photo/Zhang Dagang)")
    full, lean = parse(text), parse(text, places=False)
    assert full.location.city == "Hefei"
    assert asdict(lean.location) == {"sublocation": None, "city": None, "province": None, "country": None}
    assert (lean.credit, lean.date, lean.date_kind) == (full.credit, full.date, full.date_kind)


@pytest.mark.parametrize("text", [
    "Released by the CNSA on Oct. 1.", "a photo ISSUED by NASA", "Distributed by Xinhua on May 2",
    "PUBLISHED on Jan. 3", "first made public on Friday", "Handed out by the army", "in a photo posted April 4",
    "Images provided by the museum", "This PICTURE POSTED on X",
])
def test_every_release_word_is_found_whatever_its_case(text):
    """The release-date check looks only where a caption has one of its words' first letters: a word whose
    letter is missing from that look-ahead would be passed over, and its release date never read."""
    from catalog.captions.dates import may_give_release_date

    assert may_give_release_date(text)
    assert may_give_release_date(text.upper()) and may_give_release_date(text.lower())


def test_chinese_patterns_are_compiled_only_when_a_caption_asks_for_them():
    """Each class of Chinese characters costs Python's re about 3 ms to compile: a caption of one shape
    compiles the patterns it tried, not all of them, and the same answers come from them."""
    from catalog.captions.chinese_words import Patterns, _patterns, words_for
    from catalog.captions.parser import parse
    from catalog.captions.rules import load_rules

    rules = load_rules()
    words, patterns = words_for(rules)
    assert isinstance(patterns, Patterns) and len(patterns.sources) > 20
    fresh = _patterns(words)
    assert len(fresh) == 0
    assert fresh["staff"].search("新华社记者 李鑫 摄").group("name") == "李鑫"
    assert list(fresh) == ["staff"]
    with pytest.raises(KeyError):
        fresh["no such shape"]
    facts = parse("新华社记者 李鑫 摄：游客在甘肃省敦煌市游览。", rules=rules)
    assert facts.credit.photographer == "李鑫" and facts.credit.agency == "Xinhua"
    assert "staff" in patterns  # compiled by the parse, in the patterns the reader shares


def test_a_chinese_pattern_whose_outline_finds_nothing_is_not_compiled():
    """A shape is first tried as its outline (its classes of Chinese characters widened to every character
    beyond ASCII, cheap to compile): wherever a pattern matches, on every Chinese caption we hold, its outline
    matches from the same place, so a caption the outline finds nothing in would have found nothing either."""
    import json
    import re
    from pathlib import Path

    from catalog.captions.chinese_words import HAN, Pending, _patterns, outline, simplified, words_for

    words, _ = words_for(load_rules())
    sets = sorted(Path(__file__).parent.glob("data/captions/zh*.jsonl"))
    texts = [simplified(json.loads(line)["text"]) for path in sets
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    patterns = _patterns(words)
    checked = 0
    for name, (source, flags) in patterns.sources.items():
        shape = outline(source, flags)
        if shape is None:
            assert HAN not in source, name  # every pattern with a class of Chinese characters has an outline
            continue
        assert HAN not in shape
        real, wide = re.compile(source, flags), re.compile(shape, flags)
        for text in texts:
            for found in real.finditer(text):
                assert wide.match(text, found.start()) is not None, (name, text)
                checked += 1
    assert len(texts) > 500 and checked > 1000
    # a caption with its credit first and a date in brackets last: the bracketed shapes are not compiled
    fresh = _patterns(words)
    plain = "新华社记者 李鑫 摄：游客在甘肃省敦煌市鸣沙山月牙泉景区游览（2025年8月5日）。"
    assert fresh["brackets"].search(plain) is None and list(fresh["brackets"].finditer(plain)) == []
    assert fresh["name_then_agency"].match(plain) is None and fresh["byline_end"].fullmatch(plain) is None
    assert all(isinstance(fresh[name], Pending) for name in ("brackets", "name_then_agency", "byline_end"))
    assert fresh["staff"].search(plain).group("name") == "李鑫" and isinstance(fresh["staff"], re.Pattern)
    assert fresh["brackets"].pattern == fresh.sources["brackets"][0]  # any other use: the pattern itself
    assert isinstance(fresh["brackets"], re.Pattern)


def test_what_a_chinese_name_means_to_the_gazetteer_is_remembered_between_processes(tmp_path):
    """The cities of a Chinese name (their population and country) come from the cache folder's memo in the
    next process, which then loads neither the gazetteer nor OpenCC's traditional converter, with the same
    answers as the gazetteer's (an unknown name included)."""
    import os
    import subprocess
    import sys

    code = ("import sys; from catalog import han_text, place_memo, places; "
            "from catalog.captions import chinese_chain as cc, chinese_places as cp; "
            "print(*[cc.cjk_population(n) > 0 and cc._country_of_places(n) for n in sys.argv[1:]], "
            "places._GAZETTEER is None, han_text._to_traditional.cache_info().currsize); place_memo.save()")
    names = ["合肥", "旺角", "西贡", "无此地名"]
    env = dict(os.environ, CATALOG_CACHE=str(tmp_path))

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, env=env,
                              check=True).stdout.strip()

    assert run() == "CN HK HK False False 1"  # 西贡: Sai Kung, Hong Kong, the one this gazetteer knows
    assert run() == "CN HK HK False True 0"


def test_a_house_not_caption_rule_that_is_no_regular_expression_is_named_when_the_rules_load():
    """The shipped not-a-caption rules are compiled only combined into one pattern; a house rule is compiled
    alone when the rules load, so its mistake is told by the rule's name."""
    with pytest.raises(CatalogError, match="not-a-caption rule 'our stamp': a pattern is not a valid"):
        load_rules(text='[[not_captions.rule]]\nname = "our stamp"\npatterns = ["DESK (\\\\d+"]\n')
    rules = load_rules(text='[[not_captions.rule]]\nname = "our stamp"\npatterns = ["DESK \\\\d+"]\n')
    from catalog.captions.notcaptions import not_a_caption_under

    assert not_a_caption_under("DESK 42", rules) == "our stamp"
    assert not_a_caption_under("OLYMPUS DIGITAL CAMERA", rules) == "a camera maker's default text"
    assert not_a_caption_under("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)", rules) is None


def test_a_house_lead_in_opens_credits_before_the_shipped_ones():
    """A newsroom's own opening words, under [credit_words], read as credits with the role they are given."""
    text = "The silver crown on show in the new gallery. (Lent by the Uppsala Museum)"
    assert parse(text).credit.provider is None
    rules = load_rules(text='[[credit_words.lead_in]]\npattern = \'lent\\s+by\\s+\'\nrole = "provider"\n'
                            'example = "(Lent by the Uppsala Museum)"\n')
    credit = parse(text, rules).credit
    assert (credit.photographer, credit.agency, credit.provider) == (None, None, "Uppsala Museum")
    # the shipped lead-ins still apply under the house's
    credit = parse("Fans cheer in Madrid. (Photo by Ana Ruiz/Europa Press via Getty Images)", rules).credit
    assert (credit.photographer, credit.agency) == ("Ana Ruiz", "Getty Images")


def _opening_characters(items: list) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern may open with ("\\s" for any space; None: any character), and whether it
    may match nothing at all."""
    import importlib

    const = importlib.import_module("re._constants")
    found: set[str] = set()
    for op, av in items:
        if op in (const.ASSERT, const.ASSERT_NOT, const.AT):
            continue  # (takes no character)
        if op is const.LITERAL:
            return found | {chr(av)}, False
        if op is const.IN:
            for kind, value in av:
                if kind is const.LITERAL:
                    found.add(chr(value))
                elif kind is const.RANGE:
                    found.update(chr(c) for c in range(value[0], value[1] + 1))
                elif kind is const.CATEGORY and value is const.CATEGORY_SPACE:
                    found.add("\\s")
                else:
                    return None, False
            return found, False
        if op is const.BRANCH or op is const.SUBPATTERN or op in (const.MAX_REPEAT, const.MIN_REPEAT):
            inner = av[1] if op is const.BRANCH else [av[-1]]
            least = av[0] if op in (const.MAX_REPEAT, const.MIN_REPEAT) else 1
            empty = False
            for sub in inner:
                chars, nothing = _opening_characters(list(sub))
                if chars is None:
                    return None, False
                found |= chars
                empty = empty or nothing
            if least > 0 and not empty:
                return found, False
            continue
        return None, False
    return found, True


def test_the_shipped_lead_ins_open_with_the_characters_their_table_lets_by():
    # strip_lead_in lets a text by at its first character when no shipped lead-in opens with it
    import importlib

    from catalog.captions.credit_leadins import LEAD_INS, SHIPPED_FIRSTS

    parser = importlib.import_module("re._parser")
    for lead in LEAD_INS:
        chars, empty = _opening_characters(list(parser.parse(lead.pattern, re.IGNORECASE)))
        assert chars is not None and not empty, lead.pattern
        for char in chars - {"\\s"}:
            folds = {char.lower(), char.upper()} | ({"ı", "İ"} if char in "iI" else {"ſ"} if char in "sS" else set())
            assert folds <= SHIPPED_FIRSTS, (lead.pattern, char)
    assert parse("Crews clear the rubble. (Photo by Ana Ruiz/Europa Press)").credit.photographer == "Ana Ruiz"


def test_the_lead_ins_tried_for_a_first_character_find_what_all_of_them_find():
    # strip_lead_in tries only the lead-ins that may open with the text's first character: the same first match
    from catalog.captions.credit_leadins import LEAD_INS, LeadIn, LeadInTable

    table = LeadInTable.of((LeadIn(r"lent\s+by\s+", "provider", ""), LeadIn(r"\w+\s*=\s*", "label", ""))
                           + LEAD_INS)
    texts = [piece.strip("() ") for lead in LEAD_INS for piece in lead.example.split(", ")]
    texts += ["Lent by Ana Ruiz", "kelvin = Ana", "Ana Ruiz", "PHOTO ANA RUIZ", "via Reuters", "İmage: Ana Ruiz"]
    for text in texts:
        first = text[:1]
        if first.isascii() and first.strip():
            wanted, got = table.any_lead.match(text), table.for_first(first).match(text)
            assert (got and (got.span(), got.lastgroup)) == (wanted and (wanted.span(), wanted.lastgroup)), text
    assert table.for_first("k").pattern.startswith("(?P<l1>")  # (a class opening a lead-in: tried for every text)


@pytest.mark.parametrize("table, message", [
    ('[[credit_words.lead_in]]\npattern = "lent (by"\nrole = "provider"\n', "is not a valid regular expression"),
    ('[[credit_words.lead_in]]\npattern = "lent by "\nrole = "lender"\n', "has role 'lender'; the roles are"),
    ('[[credit_words.lead_in]]\nrole = "provider"\n', "needs a pattern"),
    ('credit_words = "lent by"\n', "[credit_words] must be a table"),
])
def test_a_house_lead_in_that_cannot_work_is_refused_when_the_rules_load(table, message):
    with pytest.raises(CatalogError, match=re.escape(message)):
        load_rules(text=table)


def test_two_small_letters_are_a_word_of_a_sentence_never_a_registry_acronym():
    rules = load_rules()
    assert [rules.standard_agency(name) for name in ("PA", "IC", "pa", "ic", "on", "St")] == [
        "PA Wire", "IC", None, None, None, None]
    assert rules.standard_agency("dpa") == "dpa"  # three small letters: the German wire's own spelling


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    # the word "agency" in the agency's language before a name the registry knows: that agency, no person
    ("Floodwater fills a market street after the storm. Photo via Agencia Cuartoscuro", None, "Cuartoscuro"),
    ("Floodwater fills a market street after the storm. Photo: Tamsin Orley/Agenzia ANSA", "Tamsin Orley", "ANSA"),
    ("Floodwater fills a market street after the storm. (Agência Reuters)", None, "Reuters"),
])
def test_an_agency_named_with_its_own_languages_word_for_agency(text, photographer, agency):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    # a paper's title noun makes the name before the slash an outlet, even with no person named after it
    ("Boats wait in the harbour at dawn. (Quorva Herald/QNS)", None, "Quorva Herald"),
    ("Boats wait in the harbour at dawn. (Daily Lindt/Vellmar Sentinel)", None, "Daily Lindt"),
    ("Boats wait in the harbour at dawn. OSKEBAN DAILY/KCNA", None, "KCNA"),
    ("Boats wait in the harbour at dawn. (Photo by Vellmar Daily News/China Daily)", None, "China Daily"),
    # a media word that is a person's name too still reads as one in the photographer's slot
    ("Boats wait in the harbour at dawn. Photo by Tovik Post/Quorvan News Agency", "Tovik Post",
     "Quorvan News Agency"),
])
def test_a_papers_title_noun_is_nobodys_name(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. LINDTPOST.NET/Tovik Quorran", "Tovik Quorran", "LINDTPOST.NET"),
    ("Boats wait in the harbour on May 2. QUORVANEWS.COM/Tovik Quorran/Files", "Tovik Quorran", "QUORVANEWS.COM"),
])
def test_a_web_address_in_capitals_is_one_outlet_not_a_sentence_end(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize("text", [
    "Boats wait in the harbour at dawn. (The Quorva Post-Courier)",
    "Boats wait in the harbour at dawn. Photo: The Quorva Post-Courier",
    "Boats wait in the harbour at dawn. [Photo/The Quorva Post-Courier]",
])
def test_a_papers_title_nouns_joined_by_a_hyphen_name_an_outlet_not_a_source(text):
    credit = parse(text).credit
    assert credit is not None and (credit.agency, credit.provider) == ("Quorva Post-Courier", None)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. Tovik Quorran / Brannock Gazette |", "Tovik Quorran", "Brannock Gazette"),
    ("Boats wait in the harbour at dawn. Tovik Quorran / for Vellmarese Daily |", "Tovik Quorran", "Vellmarese Daily"),
    ("Boats wait in the harbour at dawn. Tovik Quorran / Brannock Gazette|", "Tovik Quorran", "Brannock Gazette"),
])
def test_a_pages_bar_after_the_credit_is_no_part_of_the_outlets_name(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "agency"), [
    ("Boats wait in the harbour at dawn. — Quorvan Daily pic", "Quorvan Daily"),
    ("Boats wait in the harbour at dawn. - Oskeban News Agency pic", "Oskeban News Agency"),
    ("Boats wait in the harbour at dawn. — The Tremadoc Post-Courier pics", "Tremadoc Post-Courier"),
])
def test_an_outlet_then_pic_names_the_outlet(text, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (None, agency)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. / Kestrel Bay Gazette PHOTO / Tovik QUORRAN", "Tovik QUORRAN",
     "Kestrel Bay Gazette"),
    ("Boats wait in the harbour at dawn.  Daily Brannock Photo/Tovik Quorran", "Tovik Quorran", "Daily Brannock"),
    ("Boats wait in the harbour at dawn. Vellmarese News Agency PHOTO/ TOVIK QUORRAN", "TOVIK QUORRAN",
     "Vellmarese News Agency"),
])
def test_a_papers_photo_slash_name_after_the_prose_names_the_paper(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn.  quorvanews.com Photo/Tovik Quorran", "Tovik Quorran", "quorvanews.com"),
    ("Boats wait in the harbour at dawn. lindtpost.net PHOTO / TOVIK QUORRAN", "TOVIK QUORRAN", "lindtpost.net"),
    ("Boats wait in the harbour at dawn.  Quorva Herald/QNS Photo/Tovik Quorran", "Tovik Quorran", "Quorva Herald"),
    ("Boats wait in the harbour at dawn. / The Lindt Courier/VMP PHOTO / Tovik QUORRAN", "Tovik QUORRAN",
     "Lindt Courier"),
])
def test_a_papers_address_or_chain_before_photo_slash_names_the_paper(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_name_and_a_slash_before_photo_slash_is_no_papers_chain():
    credit = parse("Boats wait in the harbour at dawn.  Tovik Quorran/Maren Lindt Photo/Ana Ruiz").credit
    assert credit is None or credit.agency is None


@pytest.mark.parametrize(("text", "agency"), [
    ("Boats wait in the harbour at dawn. (Quorva Evening Star)", "Quorva Evening Star"),
    ("Boats wait in the harbour at noon. / Lindt Morning Herald", "Lindt Morning Herald"),
    ("Boats wait in the harbour at dawn. Brannock Evening STAR", "Brannock Evening STAR"),
])
def test_a_paper_named_for_its_edition_is_an_outlet_not_a_greeting(text, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (None, agency)


@pytest.mark.parametrize("text", [
    "Boats wait in the harbour at dawn. (Good Evening News)",
    "Boats wait in the harbour at dawn. Good Morning Photo",
])
def test_a_greeting_before_a_papers_noun_is_no_paper(text):
    credit = parse(text).credit
    assert credit is None or credit.agency is None


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("QUORVA DAILY NEWS/Tovik Quorran", "Tovik Quorran", "QUORVA DAILY NEWS"),
    ("QNS/Tovik Quorran", "Tovik Quorran", "QNS"),
    ("REUTERS/T.Q. Quorran", "T.Q. Quorran", "Reuters"),
])
@pytest.mark.parametrize("stamp", ["\nReuters / Friday, October 13, 2017", "\n\nAP / Wednesday, 25 February 2015"])
def test_a_gallerys_stamp_under_the_caption_leaves_the_credit_above_it(credit_line, photographer, agency, stamp):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}{stamp}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_gallerys_stamp_alone_names_the_agency_and_no_day_as_a_source():
    credit = parse("Boats wait in the harbour in Oslo, Norway, May 3, 2021.\nReuters / Friday, October 13, 2017").credit
    assert credit is not None and (credit.photographer, credit.agency, credit.provider) == (None, "Reuters", None)


def test_a_weekday_and_a_month_are_no_source():
    from catalog.captions.credit_reader import reading_of

    reading = reading_of("Reuters / Friday, October", load_rules())
    assert reading is not None and (reading.credit.agency, reading.credit.provider) == ("Reuters", None)


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("(AFP/Quorva Gazette)", None, "Quorva Gazette"),
    ("TOVIK QUORRAN / AFP/Oskeban Daily", "TOVIK QUORRAN", "Oskeban Daily"),
    ("© AFP/quorvapost.net", None, "quorvapost.net"),
    # an agency's own picture file after it is no paper
    ("(Xinhua/Quorva File Photos)", None, "Xinhua"),
])
def test_an_agency_led_chain_closing_with_a_paper_names_the_paper(credit_line, photographer, agency):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency, credit.provider) == (photographer, agency, None)


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    # a paper and its acronym after a known agency: the chain's last organisation, and no outside source
    ("TOVIK QUORRAN / AFP/Quorva Sentinel/QNS", "TOVIK QUORRAN", "QNS"),
    ("(Associated Press / Lindt Sentinel/VMP)", None, "VMP"),
    # a contributor, a picture library, then the paper or agency that ran it
    ("© Tovikpix / Alamy / Oskeban News Agency", None, "Oskeban News Agency"),
    ("© Quorran21/iStock/Lindt Photo Agency", None, "Lindt Photo Agency"),
    # a second picture library after the first is no paper
    ("© Tovikpix / Alamy / Quorvapics", None, "Alamy"),
])
def test_a_chain_closing_with_a_paper_after_a_known_outlet_names_the_paper(credit_line, photographer, agency):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency, credit.provider) == (photographer, agency, None)


@pytest.mark.parametrize("credit_line", ["TOVIK QUORRAN/AFP/Alamy", "(Xinhua/Shutterstock)"])
def test_a_picture_library_after_an_agency_is_no_outside_source(credit_line):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and credit.provider is None


def test_a_papers_photo_slash_opening_the_caption_leaves_the_prose_to_the_place_reader():
    facts = parse("Quorvan Daily Photo/Tovik Quorran The mosque glows under lights during the annual festival in "
                  "Sharjah, United Arab Emirates, February 9, 2022.")
    assert (facts.location.city, facts.location.country) == ("Sharjah", "United Arab Emirates")


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. (Quorva Sentinel/QNS photo by Tovik Quorran)", "Tovik Quorran",
     "Quorva Sentinel"),
    ("Boats wait in the harbour at dawn. The Brannock Courier/VMP photo by Staff Sgt. Tovik Quorran",
     "Tovik Quorran", "Brannock Courier"),
    ("Boats wait in the harbour at dawn. (Kestrel Bay Herald/VMP photo by Tovik Quorran/Released)", "Tovik Quorran",
     "Kestrel Bay Herald"),
])
def test_a_chain_of_two_outlets_before_photo_by_names_the_first_and_the_photographer(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_person_and_a_slash_before_photo_by_is_no_chain_of_outlets():
    credit = parse("Boats wait in the harbour at dawn. (Tovik Quorran/Maren Lindt photo by Ana Ruiz)").credit
    assert credit is None or credit.agency is None


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. (QPA PHOTO TOVIK QUORRAN)", "TOVIK QUORRAN", "QPA"),
    ("Boats wait in the harbour at dawn. (VELLMAR HERALD PHOTO TOVIK QUORRAN)", "TOVIK QUORRAN", "VELLMAR HERALD"),
])
def test_an_unknown_outlet_photo_then_a_name_in_capitals_is_belgas_form(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize("name", ["Søren Oskvøld", "TOVIK QUORRAN", "Maren le Brannagh", "T. Quorran"])
def test_a_date_run_into_the_credit_before_a_name_of_any_shape(name):
    credit = parse(f"Goats graze at the county fair.\nAug. 15, 2019 {name}/Quorva Journal").credit
    assert credit is not None and (credit.photographer, credit.agency) == (name, "Quorva Journal")


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. See story page 12. PHOTO JÓZEF QUORRAN", "JÓZEF QUORRAN", None),
    ("Boats wait in the harbour at dawn in Lima JOSÉ QUÖRVÁ/FOR CHINA DAILY", "JOSÉ QUÖRVÁ", "China Daily"),
])
def test_a_name_in_capitals_beyond_ascii_is_found_as_one_in_plain_capitals(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_bracket_glued_to_a_papers_name_does_not_make_it_a_persons():
    credit = parse("Boats wait in the harbour at dawn. (Photo by Tovik QUORRAN / Oskeban Daily)  AFP").credit
    assert credit is not None and (credit.photographer, credit.agency) == ("Tovik QUORRAN", "Oskeban Daily")


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    # a paper's initials before "Photo /", after the prose's stop or a dash
    ("Boats wait in the harbour at dawn. – QNS Photo / Tovik Quorran", "Tovik Quorran", "QNS"),
    ("Boats wait in the harbour at dawn. VMP PHOTO/ TOVIK QUORRAN", "TOVIK QUORRAN", "VMP"),
    # a paper in capitals with no mark before the name, the prose run into it
    ("Boats wait by Le Quai de Lindt  QUORVA PRESS AGENCY PHOTO TOVIK QUORRAN", "TOVIK QUORRAN",
     "QUORVA PRESS AGENCY"),
    ("Boats wait by Le Quai de Lindt  OSKEBY GAZETTE PHOTO TOVIK QUORRAN", "TOVIK QUORRAN", "OSKEBY GAZETTE"),
    ("Boats wait by Le Quai de Lindt  LINDT PHOTO AGENCY PHOTO TOVIK QUORRAN", "TOVIK QUORRAN", "LINDT PHOTO AGENCY"),
])
def test_an_outlet_by_its_words_or_initials_before_photo_names_the_outlet(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize("outlet", ["Quorvan Daily", "Kestrel Bay Press Agency"])
def test_a_papers_photo_slash_opening_the_caption_names_the_paper_and_the_photographer(outlet):
    facts = parse(f"{outlet} Photo/Tovik Quorran The mosque glows under lights during the annual festival in "
                  "Sharjah, United Arab Emirates, February 9, 2022.")
    assert facts.credit is not None and (facts.credit.photographer, facts.credit.agency) == ("Tovik Quorran", outlet)
    assert facts.location.city == "Sharjah"


def test_capitals_before_photo_with_no_papers_word_name_no_outlet():
    credit = parse("Boats wait by Le Quai de Lindt  FILE PHOTO TOVIK QUORRAN").credit
    assert credit is not None and credit.agency is None


@pytest.mark.parametrize("credit_line", ["UN Photo/Tovik Quorran", "(UN Photo/Tovik Quorran)"])
def test_the_uns_photo_unit_hands_out_its_pictures(credit_line):
    credit = parse(f"Boats wait in the harbour at dawn.\n\n{credit_line}").credit
    assert credit is not None
    assert (credit.photographer, credit.agency, credit.provider) == ("Tovik Quorran", None, "United Nations")


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("THE QUORVA POST-COURIER/Tovik Quorran </p>", "Tovik Quorran", "QUORVA POST-COURIER"),
    ('LINDT EVENING STAR/Tovik Quorran SEARCH "HARBOUR DAWN" FOR THIS STORY.', "Tovik Quorran", "LINDT EVENING STAR"),
    ('QNS/Tovik Quorran/File Photo SEARCH "HARBOUR DAWN" FOR THIS STORY.', "Tovik Quorran", "QNS"),
])
def test_an_outlet_leading_a_credit_after_the_stop_ends_it_where_an_agencys_would(credit_line, photographer, agency):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_credits_label_before_a_slash_is_no_outlet_leading_it():
    credit = parse("A new picture of the dwarf galaxy Quorva-7.\n\nImage credit: ESA/Hubble & NASA; thanks: T. Lindt"
                   ).credit
    assert credit is None or credit.provider != "ESA/Hubble"


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("(Quorvan Daily/Tovik)", "Tovik", "Quorvan Daily"),
    ("(Oskeban News Agency/Tovik)", "Tovik", "Oskeban News Agency"),
    ("(QNS/TovikQuorran)", "TovikQuorran", "QNS"),
    ("(quorvanews.com/TovikQuorran)", "TovikQuorran", "quorvanews.com"),
    ("(Lindt Sentinel/QNS/Tovik)", "Tovik", "Lindt Sentinel"),
])
def test_one_name_after_outlets_named_by_their_words_or_initials_is_their_photographers(
        credit_line, photographer, agency):
    credit = parse(f"Boats wait in the harbour at dawn. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize("credit_line", ["(NASA/Hubble)", "(QNS/Handout)"])
def test_one_name_after_a_body_or_a_tag_after_initials_is_no_photographer(credit_line):
    credit = parse(f"A new picture of the dwarf galaxy Quorva-7. {credit_line}").credit
    assert credit is None or credit.photographer is None


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Boats wait in the harbour of Quorva. (QNS/Tovik Quorran)  The town is more than 1,000 years old.",
     "Tovik Quorran", "QNS"),
    ("Boats wait in the harbour of Quorva.(Lindt Photo Agency/Tovik Quorran) QUORVA, July 27 (Xinhua) -- I came "
     "to Quorva on a summer day.", "Tovik Quorran", "Lindt Photo Agency"),
    ("Boats wait in the harbour of Quorva. [Daily Lindt/Tovik Quorran]  Previous Page 1 2 3 Next Page",
     "Tovik Quorran", "Daily Lindt"),
])
def test_a_credit_in_brackets_between_two_sentences_names_an_unknown_outlet(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "photographer", "agency"), [
    ("Families lay out a feast for their ancestors in Quorva. (Tremadoc Press Agency) (END)", None,
     "Tremadoc Press Agency"),
    ("Families lay out a feast for their ancestors in Quorva. (QuorvaToday.com) (END)", None, "QuorvaToday.com"),
    ("Boats wait in the harbour of Quorva. (Kestrel Bay Evening Star/Tovik Quorran)  [ Editor: Ana Lindt ]",
     "Tovik Quorran", "Kestrel Bay Evening Star"),
    ("Lindt Online> Picture\n\nBoats in Quorva\n\nBoats wait in the harbour of Quorva, with canals from the Ming "
     "(1368-1644) dynasty. (Oskeby Photo Agency/Tovik Quorran)\n\n[ Editor: Ana Lindt ]", "Tovik Quorran",
     "Oskeby Photo Agency"),
])
def test_a_closing_credit_is_read_past_the_pages_end_mark_editor_tag_and_breadcrumb(text, photographer, agency):
    credit = parse(text).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_sites_breadcrumb_line_is_no_credit():
    credit = parse("Lindt Online> Picture\n\nBoats in Quorva\n\nBoats wait in the harbour of Quorva.").credit
    assert credit is None or (credit.photographer, credit.agency) == (None, None)


@pytest.mark.parametrize("text", [
    "Boats wait in the harbour of Quorva. (Tovik Quorran) He says the town is old.",
    "Boats wait in the harbour. (PHOTO NOT FOR SALE) (Lindt Daily News)",
])
def test_brackets_between_sentences_hold_no_lone_name_nor_a_note_before_the_credit(text):
    credit = parse(text).credit
    assert credit is None or (credit.photographer is None and credit.provider is None)


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("AFP PHOTO / Tovik QUORRAN (Photo credit should read TOVIK QUORRAN/AFP/Oskeban Daily)", "TOVIK QUORRAN",
     "Oskeban Daily"),
    ("(Photo by Tovik Quorran / AFP) (Photo credit should read Tovik Quorran/AFP/Getty Images)", "Tovik Quorran",
     "Getty Images"),
    ("Photo credit should read: Tovik Quorran/PA Wire", "Tovik Quorran", "PA Wire"),
])
def test_the_wires_note_how_the_credit_should_read_is_the_credit(credit_line, photographer, agency):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("credit_line", "photographer"), [
    ("Photo: C.P. Quorran / Lindt Balkans", "C.P. Quorran"),
    ("© C.P. Quorran / Alamy", "C.P. Quorran"),
    ("Photo by T.T. Quorran", "T.T. Quorran"),
])
def test_initials_with_their_stops_before_a_surname_are_a_persons_not_a_wires_desk(credit_line, photographer):
    credit = parse(f"Boats wait in the harbour in Oslo, Norway, May 3, 2021. {credit_line}").credit
    assert credit is not None and credit.photographer == photographer
    assert credit.agency != "The Canadian Press" and credit.agency != "TT"


def test_a_wires_initials_before_a_city_are_its_desk():
    credit = parse("Boats wait in the harbour at dawn. (CP Toronto)").credit
    assert credit is not None and credit.agency == "The Canadian Press"


@pytest.mark.parametrize(("credit_line", "photographer", "provider"), [
    ("All photos by Les Quorran.", "Les Quorran", None),
    ("Photo by Lo Quorran", "Lo Quorran", None),
])
def test_an_article_that_is_a_given_name_opens_a_persons_name_in_a_byline(credit_line, photographer, provider):
    credit = parse(f"The premiership side of the Quorva Rovers. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.provider) == (photographer, provider)


@pytest.mark.parametrize(("credit_line", "agency"), [("Photo by Le Monde", "Le Monde"), ("(Les Echos)", "Les Echos")])
def test_a_paper_opening_with_an_article_stays_the_paper(credit_line, agency):
    credit = parse(f"The premiership side of the Quorva Rovers. {credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (None, agency)


@pytest.mark.parametrize(("caption", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. REUTERS/M.V. Quorran\nWednesday, March 27, 2013", "M.V. Quorran", "Reuters"),
    ("The chapel stands across the street. Photo by V. Quorran, 2014.", "V. Quorran", None),
    ("This photograph was taken by M.V. Quorran as part of the Lindt competition.", "M.V. Quorran", None),
])
def test_a_persons_initials_and_their_stops_end_no_credit(caption, photographer, agency):
    credit = parse(caption).credit
    assert credit is not None and (credit.photographer, credit.agency, credit.provider) == (photographer, agency, None)


def test_a_credits_stop_before_a_place_and_a_year_still_ends_it():
    credit = parse("Boats wait in the harbour at dawn. Image by Ana Quorran. Tajikistan, 2009.").credit
    assert credit is not None and credit.raw == "Image by Ana Quorran"


@pytest.mark.parametrize(("caption", "photographer", "agency"), [
    ("Boats wait in the harbour at dawn. Photo Łukas Quorran / EPA", "Łukas Quorran", "EPA-EFE"),
    ("Photo Ágnes Quorran / EPA\nBoats wait in the harbour at dawn.", "Ágnes Quorran", "EPA-EFE"),
    ("Boats wait in the harbour, May 10, 2020.ŁUKAS QUORRAN/FOR CHINA DAILY", "ŁUKAS QUORRAN", "China Daily"),
])
def test_a_name_opening_with_a_capital_beyond_ascii_is_read_as_any_other(caption, photographer, agency):
    credit = parse(caption).credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("credit_line", "agency"), [
    ("Photographs: Quorvaton/Lindt Media", "Lindt Media"),
    ("Photograph: QuorvaSport/Lindt Rovers FC/Daily Tremadoc", "Daily Tremadoc"),
    ("(Quorva Royal Court / Daily Lindt)", "Daily Lindt"),
    ("Quorva Bureau of Fire Protection/LINDT GAZETTE", "LINDT GAZETTE"),
])
def test_a_chain_of_unknown_sources_closing_with_a_paper_by_its_words_names_the_paper(credit_line, agency):
    credit = parse(f"The side lines up before the final in the Royal Box.\n{credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency, credit.provider) == (None, agency, None)


@pytest.mark.parametrize(("credit_line", "agency"), [
    ("Photograph: QuorvaSport/Lindt Rovers FC/Getty Images", "Getty Images"),
    ("Photo: Quorva Sports/Lindt Times", "Lindt Times"),
])
def test_a_chain_closing_with_a_known_agency_or_led_by_a_name_is_read_as_before(credit_line, agency):
    credit = parse(f"The side lines up before the final in the Royal Box.\n{credit_line}").credit
    assert credit is not None and credit.agency == agency


@pytest.mark.parametrize(("credit_line", "photographer", "agency"), [
    ("(QPA: Ana Quorran)", "Ana Quorran", "QPA"),
    ("(Quorva News: Ana Quorran)", "Ana Quorran", "Quorva News"),
])
def test_an_outlets_initials_a_colon_and_a_name_are_the_outlet_and_its_photographer(credit_line, photographer, agency):
    credit = parse(f"A lorry heads along the highway between Lindt and Quorva.{credit_line}").credit
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


@pytest.mark.parametrize(("text", "photographer"), [
    # a page's byline field after the caption's credit writes the same name again after a full stop: once
    ("Children play on the sea wall at Lautoka, Fiji. Photo / Tamsin Orley. Tamsin Orley", "Tamsin Orley"),
    ("Children play on the sea wall at Lautoka, Fiji. Picture: Orrin J. Talvassy. Orrin J. Talvassy",
     "Orrin J. Talvassy"),
    # a name once stays as it is
    ("Children play on the sea wall at Lautoka, Fiji. Photo / Tamsin Orley", "Tamsin Orley"),
])
def test_a_credits_name_written_twice_is_one_name(text, photographer):
    assert parse(text).credit.photographer == photographer
