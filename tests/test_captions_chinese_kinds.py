"""Kinds of Chinese captions the reader must handle by design, not case by case: credit shapes of many outlets,
days written relative to the caption's, administrative chains down to the village, venues and what is no venue.
Every caption here was written for these tests in the style of the outlets that print such captions."""

from __future__ import annotations

import pytest

from catalog.captions import parse
from tests.test_captions_shapes import check

CREDITS = [
    ("the provider after a 供图 label", "游客在古镇游览。 供图：某某县文旅局",
     {"provider": "某某县文旅局", "photographer": None}),
    ("the provider after 图片提供 (the label's 图片 is no provider)", "游客在古镇游览。 图片提供：某某博物馆",
     {"provider": "某某博物馆"}),
    ("a person after 照片提供 and a slash is the provider, no photographer and no outlet",
     "游客在古镇游览。 照片提供/孙小明", {"provider": "孙小明", "photographer": None, "agency": None}),
    ("the provider before a slash and 供图, in brackets", "游客在古镇游览。（某某县文旅局/供图）",
     {"provider": "某某县文旅局"}),
    ("a known outlet run into the name, a year, then 摄", "老街的早市 北京日报林小风1987年摄",
     {"photographer": "林小风", "agency": "Beijing Daily", "date": "1987", "date_kind": "taken"}),
    ("an unknown name run into another is no outlet and name", "市民在公园散步。 某某小镇王小明摄",
     {"agency": None}),
    ("the word of taking run into the name after a label and a slash", "遊客在公園賞花。 圖／趙小寶攝",
     {"photographer": "趙小寶", "agency": None}),
    ("the same, spaced", "游客在公园赏花。 图/赵小宝 摄", {"photographer": "赵小宝"}),
    ("an agency alone at the end with 图片 after it: the agency's picture", "警方在广场一带戒备。 法新社图片",
     {"agency": "AFP", "photographer": None}),
    ("words and 图片 alone name no agency", "警方在广场一带戒备。 资料图片", {"agency": None}),
    ("a spaced label opening a bracket", "游客在公园赏花。（摄影 周小宽）", {"photographer": "周小宽"}),
    ("a picture from the internet in brackets names no outlet", "市民在街頭排隊。（互聯網圖片）", {"agency": None}),
    ("照片 or 相片 and a colon label the photographer", "市民在街頭排隊。 相片：周小寬", {"photographer": "周小寬"}),
    ("本组图片 and a colon label the photographers of a set: the first named",
     "市民在街头排队。\n（本组图片：周小宽 孙小明）", {"photographer": "周小宽"}),
    ("an anonymous author (佚名) names no photographer", "作品名称:《古巷》 作者:佚名 年龄:15岁",
     {"photographer": None}),
    ("an editor's label and name after the photographer's, with slashes: no outlet",
     "市民在湖边散步。 摄影/孙小明 编辑/李小红", {"photographer": "孙小明", "agency": None}),
    ("a spaced label after a mark (■图/文 X)", "市民在湖边散步。 ■图/文 孙小明", {"photographer": "孙小明"}),
    ("a correspondent's name run into the city filed from (傳真), the outlet in brackets after",
     "示威者在街頭集會。 (梁小林東京傳真)(蘋果日報)", {"photographer": "梁小林", "agency": "Apple Daily"}),
    ("a reporter's name run into the city filed from (專電)", "市民上街遊行。（本報記者陳小明台北專電）",
     {"photographer": "陳小明"}),
    ("a name and 传真 with no city: the staff credit", "市民上街遊行。（記者李小明傳真）", {"photographer": "李小明"}),
    ("a label with no colon opening the caption, the name alone on its line", "摄影周小宽\n图说村民们正在抢摘新茶。",
     {"photographer": "周小宽"}),
    ("a label with no colon before words that are no name", "摄影爱好者 在江边拍摄日出。", {"photographer": None}),
    ("a source label and an office before the photographer: the office is the provider",
     "村民在茶园里采茶。(來源:某某縣委宣傳部 程小聰 攝)",
     {"photographer": "程小聰", "provider": "某某縣委宣傳部", "agency": None}),
    ("和 is a surname after a role (a Naxi name)", "古城街巷里游人如织。(丽江日报记者 和小苗 摄)",
     {"photographer": "和小苗"}),
    ("a role joined by 和 to another role names no one", "古城街巷里游人如织。 记者和通讯员摄", {"photographer": None}),
    ("two names joined by a spaced 与: the first, whose own last character is 和",
     "古城街巷里游人如织。新华社记者 万和 与 李小强 摄", {"photographer": "万和", "agency": "Xinhua"}),
    ("the name, 摄, a slash and the outlet in one pair of brackets", "游客在湖边赏荷。（赵小斌 摄 / 光明图片）",
     {"photographer": "赵小斌", "agency": "光明图片"}),
    ("a note after the slash in the brackets is no outlet", "游客在湖边赏荷。（赵小斌 摄/无人机照片）",
     {"photographer": "赵小斌", "agency": None}),
    ("an outlet's reporter unnamed at the end, the outlet known", "市民在維園賞燈。 星島日報記者攝",
     {"photographer": None, "agency": "Sing Tao Daily"}),
    ("an unknown outlet's reporter unnamed names nothing", "市民在公园赏灯。 某某晚报记者摄",
     {"photographer": None, "agency": None}),
    ("a foreign name transliterated in three parts joined by middle dots",
     "8月3日,人们在街头行走。新华社发(阿里·穆罕默德·哈桑摄)",
     {"photographer": "阿里·穆罕默德·哈桑", "agency": "Xinhua"}),
    ("a transliterated name whose first part is one character (让·...), with Taiwan's dot ‧",
     "选手在比赛中冲刺。新华社记者 让·皮埃尔‧马丁 摄", {"photographer": "让·皮埃尔‧马丁", "agency": "Xinhua"}),
    ("a name and 摄影 then a colon, opening the caption's words after its title",
     "古城晨雾(图)周小林摄影:10月15日,一批游客来到古城。", {"photographer": "周小林"}),
    ("words and 摄影 then a colon name no photographer", "航拍摄影:10月15日,秋意渐浓。", {"photographer": None}),
    ("this paper's reporter, the paper named by the caption's source label (出处)",
     "图为传承人演示剪纸技艺。 (出处:某某科学报 本报记者 王小宙/摄 张小微/文)",
     {"photographer": "王小宙", "agency": "某某科学报"}),
    ("a source label names no outlet for another paper's reporter", "图为游客赏花。 来源:某某晚报 记者 王小明 摄",
     {"photographer": "王小明", "agency": None}),
    ("a photographer's label among a contest entry's fields, the next field on the same line",
     "作品名称:《古巷》 作品类别:摄影 作者:郑小杰 年龄:15岁 选送单位:某某中学", {"photographer": "郑小杰"}),
    ("a photographer's label among fields on their own lines (no data dump)",
     "作品名称:《晨光》\n作者:韩小文\n年龄:17岁\n创作缘由:清晨的湖面薄雾缭绕,渔民撒网捕鱼。",
     {"photographer": "韩小文"}),
    ("摄影报道 as a label before the name", "学生在学习剪纸。 摄影报道/钱小双", {"photographer": "钱小双"}),
    ("an outlet's picture library (图片库) before the name is the outlet",
     "消防员在麦田里扑火。中国网图片库 孙小斌/摄", {"photographer": "孙小斌", "agency": "China.org.cn"}),
    ("a place's name alone before the role 记者 names no outlet", "雪后的古城一片银白。(大理记者 赵小祖 摄)",
     {"photographer": "赵小祖", "agency": None}),
    ("a source that is an office (图源于X局) is the provider", "油菜花开得正艳。(图源于某某县农业局)",
     {"provider": "某某县农业局", "agency": None}),
    ("a body that provided the picture, then the reporter who faxed it (传真): the body's handout, passed on by the "
     "reporter, no one's own picture (capprec2: the labels name no photographer for the shape)",
     "廟會每年舉行。(某某縣政府提供)\n\n中央社記者陳小綱傳真 109年4月2日",
     {"photographer": None, "agency": "CNA", "provider": "某某縣政府", "date": "2020-04-02"}),
    ("an outlet's app (客户端) is the outlet", "9月21日，市民在趵突泉公园赏菊。（大众日报客户端记者 李小明 报道）",
     {"photographer": "李小明", "agency": "Dazhong Daily"}),
    ("an app of an outlet the registry does not know stays as written",
     "9月21日，市民在公园赏菊。（岷州日报客户端记者 李小明 摄）",
     {"photographer": "李小明", "agency": "岷州日报客户端"}),
    ("another role's label after a slash (/制作:) is no outlet",
     "9月21日，马拉松赛开跑。 拍摄:张小敏 李小辰 /制作:张小敏",
     {"photographer": "张小敏", "agency": None}),
    ("a year's 年 right before an outlet is no part of its name",
     "上图为2006年王小法拍摄的老街；下图为2023年新华社记者韩小号拍摄的老街。", {"agency": "Xinhua"}),
    ("the photographer's label and name in brackets opening the caption", "(摄影:金小峰)6月16日傍晚，游客在海边散步。",
     {"photographer": "金小峰"}),
    ("with no colon, words after the label are no name", "摄影爱好者在江边拍摄日出。", {"photographer": None}),
    ("a picture's title, then who took it, opening the caption",
     "《金秋硕果》李小明 摄 深秋时节，橘子红了。", {"photographer": "李小明"}),
    ("a mark (□) right before the name and 摄", "上图为笔者在县溪镇航拍的油菜花田。□王小明/摄",
     {"photographer": "王小明"}),
    ("a government office's long name as the provider",
     "夏季，湿地步道绿意盎然。 图片由吉林省白城市镇赉县委宣传部提供。",
     {"provider": "吉林省白城市镇赉县委宣传部"}),
    ("a provider's long office name after 图片由 is read whole",
     "夏季，湿地步道绿意盎然。 图片由黑龙江省大庆市杜尔伯特县委宣传部提供。",
     {"provider": "黑龙江省大庆市杜尔伯特县委宣传部"}),
    ("a place's name before the photographer's is the caption's title, not a name in the credit",
     "鼓楼夜市 王小军摄", {"photographer": "王小军"}),
    ("an outlet's correspondent stationed somewhere (驻台) is the outlet's",
     "鹿港老街至今保留旧时风貌。新华社驻台记者王小春摄",
     {"photographer": "王小春", "agency": "Xinhua"}),
    ("an outlet's picture (X图片) in brackets is the outlet's", "警方在广场一带部署水炮车。(法新社图片)",
     {"agency": "AFP"}),
    ("a name whose simplified form OpenCC writes outside the characters read (煇 -> 𪸩)",
     "小贩在街边摆卖。(陳焯煇攝)", {"photographer": "陳焯煇"}),
    ("who took the pictures, said in a sentence", "本文图片均由施小宇拍摄，周小浪编选。 老板养的信鸽停在鸽棚上。",
     {"photographer": "施小宇"}),
    ("a label and a bar opening the caption (圖|X)", "圖|梁小樂 文|梁小樂  元朗大馬路一帶的店舖早早拉下鐵門。",
     {"photographer": "梁小樂"}),
    ("a paper's contributor (拍客) after the paper's short name", "初一，广州北京路人流熙攘。南都拍客 王小明 摄",
     {"photographer": "王小明", "agency": "Southern Metropolis Daily"}),
    ("a re-photographed picture (翻摄): the name ends before it", "赏萤活动开跑，乡公所将办免费导览。(记者林小玮翻摄)",
     {"photographer": "林小玮"}),
    ("a brand of two outlets joined by ·: the one the registry knows",
     "群山环抱的岷县村庄。新甘肃·甘肃日报通讯员 王小明",
     {"photographer": "王小明", "agency": "Gansu Daily"}),
    ("a brand of two outlets the registry does not know: the last written as an outlet",
     "群山环抱的岷县村庄。新岷州·岷州日报记者 王小明 摄", {"photographer": "王小明", "agency": "岷州日报"}),
    ("an outlet's desk between the outlet and the role",
     "8月1日，选手在长沙参加比赛。湖南日报全媒体记者 傅明 通讯员 张亮 摄影报道",
     {"photographer": "傅明", "agency": "Hunan Daily"}),
    ("an intern of an outlet",
     "11月17日，北京延庆，一辆货车接受检测。\n中国青年报实习生 刘立安/摄",
     {"photographer": "刘立安", "agency": "China Youth Daily"}),
    ("an intern with no outlet", "2021年8月17日，北京市海淀区，一间空置教室。實習生 王一帆/攝",
     {"photographer": "王一帆", "agency": None}),
    ("the outlet written before the name, apart", "11月18日，北京市光华路，高楼隐没在雾霾之中。\n中国青年报 李隽明/摄",
     {"photographer": "李隽明", "agency": "China Youth Daily"}),
    ("several photographers separated by spaces: the first",
     "↑村民在活动室里拍照（8月20日攝）。 新華社記者 彭遠 徐勤 劉明 攝影報導",
     {"photographer": "彭遠", "agency": "Xinhua"}),
    ("a two-character name padded with a space is one name", "四川宜宾，工人们正在酿酒。   本报记者 伊 明摄",
     {"photographer": "伊 明"}),
    ("Name/agency", "11月3日，市民在湖北武汉东湖绿道骑行。 赵小军/视觉中国",
     {"photographer": "赵小军", "agency": "VCG"}),
    ("摄影：a Chinese name", "11月3日，市民在成都宽窄巷子游玩。摄影：王小刚", {"photographer": "王小刚"}),
    ("(图/a person)", "11月3日，市民在成都宽窄巷子游玩。(图/王小刚)", {"photographer": "王小刚"}),
    ("a credit ending the caption beats a 记者...摄 inside the prose",
     "十二月五日，台北街头聚集大批民众。圖為一名電子媒體記者在拍攝民眾抗議的場面。中新社發 董明峰 攝",
     {"photographer": "董明峰", "agency": "China News Service"}),
    ("a byline with no 摄 at the end", "11月16日，河北队选手夺冠后庆祝。新华社记者李小博",
     {"photographer": "李小博", "agency": "Xinhua"}),
    ("a note before the name in the brackets", "“青春无限”贴纸相店已在2月底结业。(资料图片;余俊明摄)",
     {"photographer": "余俊明"}),
    ("two people in brackets: the first, and no agency", "昨天，施工人员在高架段作业。(胡建明 祁宗华 摄)",
     {"photographer": "胡建明", "agency": None}),
    ("the photographer written before a source credit", "图为徒步行军中的官兵。周凯明 摄(图片来源:视觉中国)",
     {"photographer": "周凯明", "agency": "VCG"}),
    ("the agency's 发 after the name", "5月1日，在厦门鼓浪屿，游客游览。 张小斌 摄（新华社发）",
     {"photographer": "张小斌", "agency": "Xinhua"}),
    ("the outlet alone in brackets", "圖為市民在北京市東城區南鑼鼓巷遊覽。（新華社）", {"agency": "Xinhua"}),
    ("an outlet's staff with no name", "市民昨日在維多利亞公園參加年宵市場。（HK01記者攝）",
     {"photographer": None, "agency": "HK01"}),
    ("a role before the name is no name", "市民在公园里散步。 新华社发（记者 王小明 摄）",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("this paper's reporter after 图/", "市民在公园里散步。图/本报记者 陈小明",
     {"photographer": "陈小明", "agency": None}),
    ("an outlet, then the photographer, with no role", "市民在公园里散步。 新华网 王小明 摄",
     {"photographer": "王小明", "agency": "Xinhuanet"}),
    ("the interviewee as the picture's source", "市民在公园里散步。 （图片来源：受访者）",
     {"photographer": None, "agency": None, "provider": "受访者"}),
    ("摄：a name/an outlet", "大批市民在铜锣湾时代广场一带游行。（攝：林小華/端傳媒）",
     {"photographer": "林小華", "agency": "端傳媒"}),
    ("摄: an English name and its outlets: the last",
     "调查人员走访华南海鲜市场。攝:Thomas Peter /Reuters/Example Images",
     {"photographer": "Thomas Peter"}),
    ("a reporter's credit with 报道, on its own line",
     "9月10日晚，在青岛街头，一家人与圆月同框。\n(□新华社记者 杜春明 报道)",
     {"photographer": "杜春明", "agency": "Xinhua"}),
    ("a reporter and a correspondent with 报道: the reporter",
     "中秋夜，一轮满月悬在大明湖上空。\n(□记者 刘小英 通讯员 潘小祥 报道)",
     {"photographer": "刘小英"}),
    ("摄影师@a name after a bar", "广西桂林的山光水色| 摄影师@蒙小中", {"photographer": "蒙小中", "agency": None}),
    ("作者: a name at the end", "十四日晚，华侨在巴黎观看演出。作者:蔚小中", {"photographer": "蔚小中"}),
    ("图文/a name: the name, no agency", "议事亭前地人潮汹涌 图文/沈小天\n位于中区的议事亭前地是热闹的景点。",
     {"photographer": "沈小天", "agency": None}),
    ("two photographers joined by 和: the first, and the agency before them",
     "10月3日，市民在奥林匹克森林公园健走。新华社记者 王小明和李小强 摄",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("a reporter and a correspondent joined by 和: the reporter, never the name with 和 on it",
     "10月3日，市民在公园健走。记者 王小明和通讯员李小强 摄", {"photographer": "王小明"}),
    ("two people joined by 与 in brackets: the first, no outlet", "10月3日，市民在公园健走。（王小明与李小强 摄）",
     {"photographer": "王小明", "agency": None}),
    ("a name holding 和 stays whole", "10月3日，市民在公园健走。记者 李和平 摄", {"photographer": "李和平"}),
    ("an outlet, then /图: the outlet", "10月3日，市民在公园健走。 (视觉中国/图)",
     {"photographer": None, "agency": "VCG"}),
    ("a person, then /图: the photographer, and /图 is no outlet", "10月3日，市民在公园健走。 王小明/图",
     {"photographer": "王小明", "agency": None}),
    ("an outlet written in letters with a space, then /图: the outlet, never 图",
     "10月3日，市民在公园健走。 IC photo/图", {"agency": "IC", "photographer": None}),
    ("a note about the picture alone in brackets is no outlet", "10月3日，市民在公园健走。（资料图片）",
     {"agency": None, "photographer": None}),
    ("two padded names of two characters in a row: the first, padded",
     "9月19日，机械化秋收正在进行。 王 敢 赵 耀摄影报道", {"photographer": "王 敢"}),
    ("a name, then the label and the agency", "10月3日，市民在公园健走。王小明 摄 / 新华社",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("文并图/ is the words 'text and picture', no name before a label", "10月3日，市民在公园健走。\n文并图/新华社",
     {"photographer": None, "agency": "Xinhua"}),
    ("a byline with a colon", "10月3日，市民在公园健走。 记者：王小明", {"photographer": "王小明"}),
    ("a byline with a slash in brackets", "10月3日，市民在公园健走。 （记者/王小明）", {"photographer": "王小明"}),
    ("a person's name alone in brackets at the end", "11月5日，湖面在阳光下波光粼粼。(郑小颜)",
     {"photographer": "郑小颜", "agency": None}),
    ("a position in the picture alone in brackets is no name", "11月5日，湖面波光粼粼，游客合影。（左一）",
     {"photographer": None}),
    ("a weekday alone in brackets is no name", "11月5日，市民在公园散步。（周一）", {"photographer": None}),
    ("a place alone in brackets is no name", "11月5日，湖面波光粼粼。（北京）", {"photographer": None}),
    ("the credit before the citation of a paper's issue: the photographer, and the paper as the outlet",
     "10月27日，高速公路正式通车。王小明 李 捷摄影报道( 人民日报2020年10月27日1版)",
     {"photographer": "王小明", "agency": "People's Daily"}),
    ("a credit naming its outlet keeps it before a paper's citation",
     "6月20日，村民参加龙舟赛。  新华社记者  徐  昱摄  《 人民日报海外版 》( 2023年06月21日   第 06 版)",
     {"photographer": "徐 昱", "agency": "Xinhua"}),
    ("an English credit with a lead-in ends a Chinese caption: the English reader's whole credit, not its tail",
     "10月14日，市民在合肥骆岗公园游玩。Photo by Wang Xiaoming/Xinhua",
     {"photographer": "Wang Xiaoming", "agency": "Xinhua"}),
    ("an agency-led English credit after 。 and a space", "10月14日，市民在合肥骆岗公园游玩。 Xinhua/Wang Xiaoming",
     {"photographer": "Wang Xiaoming", "agency": "Xinhua"}),
    ("an agency and its 发 after a label is the agency, never a person's name", "10月3日，市民在公园健走。图/新华社发",
     {"photographer": None, "agency": "Xinhua"}),
    ("an agency and its 发 alone in brackets", "10月3日，市民在公园健走。（新华社发）",
     {"photographer": None, "agency": "Xinhua"}),
    ("a credit with no outlet takes the outlet of the dateline the caption opens with",
     "人民网北京10月14日电 游客在广场参观。（记者 王小明 摄）",
     {"photographer": "王小明", "agency": "People's Daily Online"}),
    ("a paper's own dateline (本报) names no outlet", "本报兰州讯 游客在公园游玩。本报记者 王小明 摄",
     {"photographer": "王小明", "agency": None}),
    ("摄影: a name and a closing full stop, on its own line", "游客在湖面上体验雪地项目。\n摄影:王小良。",
     {"photographer": "王小良"}),
    ("报道 in the prose is no credit", "市民在公园散步。据新华社报道", {"photographer": None, "agency": None}),
    ("an outlet that is no person, before the name in brackets", "旅客湧入航廈。（中評社 王小明攝）",
     {"photographer": "王小明", "agency": "中評社"}),
    ("an outlet alone in brackets, known by how its name ends", "警方在街头清场。（立場新聞）",
     {"photographer": None, "agency": "立場新聞"}),
    ("文/图 after the name", "6月5日，市民在公园里散步。本报记者 王小明 文/图",
     {"photographer": "王小明", "agency": None}),
    ("a note in brackets after the credit", "6月5日，市民在公园里散步。新华社记者 王小明 摄（无人机照片）",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("a credit in 【】", "6月5日，市民在公园里散步。【王小明 摄】", {"photographer": "王小明"}),
    ("words after 图／ are no name", "新北市板橋區今天發生火警。（圖／翻攝畫面）", {"photographer": None}),
    ("a surname that also begins words (向) after a role", "9月1日，学生参加升旗仪式。（记者 向君华 摄）",
     {"photographer": "向君华"}),
    ("a surname that also begins words (于) after an outlet's reporter", "9月1日，学生参加升旗仪式。本报记者 于小洋 摄",
     {"photographer": "于小洋", "agency": None}),
    ("a contributor's name starting with 于 after 新华社发", "9月1日，学生参加升旗仪式。 新华社发 于小洋 摄",
     {"photographer": "于小洋", "agency": "Xinhua"}),
    ("a bare name starting with 向 at the end", "9月1日，学生参加升旗仪式。 向小东 摄", {"photographer": "向小东"}),
    ("a word that begins no name is still no photographer", "9月1日，学生参加升旗仪式。图为记者在拍摄",
     {"photographer": None}),
    ("the photographer, then the outlet that sent it", "航拍湖北兴山“水上公路”。袁小国摄 新华网发",
     {"photographer": "袁小国", "agency": "Xinhuanet"}),
    ("a byline after a label", "9月1日，学生参加升旗仪式。 图：新华社记者 王小芳",
     {"photographer": "王小芳", "agency": "Xinhua"}),
    ("a known agency alone at the end", "9月1日，学生参加升旗仪式。 视觉中国", {"photographer": None, "agency": "VCG"}),
    ("a caption's last words that no registry knows are no agency", "9月1日，学生参加升旗仪式。 这是一座新学校",
     {"agency": None}),
    ("a paper's desk written short before the role", "9月1日，学生参加升旗仪式。 湖北日报全媒记者 王小芳 摄",
     {"photographer": "王小芳", "agency": "Hubei Daily"}),
    ("a credit closing the bracket that holds the caption", "(图1:农民在稻田中劳作 苏小武摄)",
     {"photographer": "苏小武"}),
    ("a drone note is no photographer", "游客在景区游览。（无人机拍摄）", {"photographer": None}),
    ("摄影：a name, then the outlet in brackets", "市民在公园里散步。摄影：王小鹏（新华社）",
     {"photographer": "王小鹏", "agency": "Xinhua"}),
    ("a byline after a mark (◎, □)", "市民在公园里散步。◎新京报记者 王小鹏",
     {"photographer": "王小鹏", "agency": "The Beijing News"}),
    ("a full-width slash before 摄影", "民眾在街頭遊行。（記者王小鵬／攝影）", {"photographer": "王小鵬"}),
    ("an outlet's file photo", "民眾在街頭遊行。（法新社資料照）", {"photographer": None, "agency": "AFP"}),
    ("taken from a social network is no name", "民眾在街頭遊行。圖／取自臉書", {"photographer": None}),
    ("an outlet, then the photographer, after a slash", "市民在公园里散步。 光明图片/王小鹏",
     {"photographer": "王小鹏", "agency": "光明图片"}),
    ("Name摄/outlet", "浙江省台州市仙居县埠头镇大陈坑村新貌。王小斌摄/光明图片",
     {"photographer": "王小斌", "agency": "光明图片"}),
    ("a provider written with 图片由...提供", "小朋友在上海迪士尼乐园游玩。（图片由上海迪士尼度假区提供）",
     {"provider": "上海迪士尼度假区"}),
    ("摄影, a space, the name, ending the caption", "夜色中，灯光秀在古城的船形街上演，引得游客驻足。 摄影 韩小峰",
     {"photographer": "韩小峰"}),
    ("图/文, a space, the name", "清晨，渔船在湖北洪湖的湖面上作业。图/文 周小莉", {"photographer": "周小莉"}),
    ("摄影 inside the prose is no label", "记者在湖边摄影 王大爷说这里的候鸟多了。", {"photographer": None}),
    ("a correspondent's handout: 供图 is no photographer's name", "村民在新修的村道上散步。 通讯员供图",
     {"photographer": None, "provider": "通讯员"}),
    ("bylines one after another, no 摄: the first named", "志愿者清扫小区楼道。 ■ 摄影 记者 王建业 通讯员 李小东",
     {"photographer": "王建业"}),
    ("a kind of outlet (晚报) before the role names no outlet",
     "志愿者在街头清理落叶。 晚报首席记者张丽丽 通讯员王明中",
     {"photographer": "张丽丽", "agency": None}),
    ("a two-character name padded with two spaces", "村民在溪上赛龙舟。  新华社记者  王  昱摄  《 海外版 》",
     {"photographer": "王 昱", "agency": "Xinhua"}),
    ("who provided the picture, in brackets with 图片", "同乡会举行新春团拜会。(主办单位提供图片)",
     {"provider": "主办单位", "agency": None}),
    ("a government office's picture: the office provided it, no outlet", "特首祝贺港队夺得金牌。 (政府新闻处图片)",
     {"provider": "政府新闻处", "agency": None}),
    ("an outlet's picture desk in brackets stays an outlet", "市民在公园里散步。（光明图片）", {"agency": "光明图片"}),
    # credit kinds of outlets never tuned on (issue 14)
    ("a name written with a character OpenCC maps beyond the BMP", "小贩在街边摆卖。(陳焯煇攝)",
     {"photographer": "陳焯煇"}),
    ("the writer's label after the photographer's names no outlet", "市民在公园里散步。图/王小明 文/李小红",
     {"photographer": "王小明", "agency": None}),
    ("文/ alone credits the text: no photographer, no outlet", "市民在公园里散步。文/李小红",
     {"photographer": None, "agency": None}),
    ("拍摄:, then the producer after a slash: no outlet", "跑者迎着晨光出发。\n拍摄:王小敏 李小辰 /制作:王小敏",
     {"photographer": "王小敏", "agency": None}),
    ("图|a name (a bar as the separator), the writer after it, opening the caption",
     "圖|梁小樂 文|陳大文\n\n元朗大馬路一帶的店舖早早拉下鐵門。", {"photographer": "梁小樂", "agency": None}),
    ("a photographer's label in brackets opening the caption", "(摄影:朴小峰)6月16日傍晚,大连东港商务区迎来蓝调时刻。",
     {"photographer": "朴小峰"}),
    ("报导、摄影: on the first line; the interviewee's pictures on the next",
     "报导、摄影:谭小瑜\n部份图:受访者提供\n记者来到吉隆坡独立广场做街访。", {"photographer": "谭小瑜"}),
    ("图： opening a caption is its description, not a label", "图：黄山日出\n游客在光明顶等候日出。",
     {"photographer": None}),
    ("a caption's words before the name on its line are no person", "夜市灯火 蒋小军摄", {"photographer": "蒋小军"}),
    ("an outlet before the name on its line stays the outlet", "市民在公园里散步。 新华网 耿小宇 摄",
     {"photographer": "耿小宇", "agency": "Xinhuanet"}),
    ("a mirror's pinyin after 發 (fā)", "小朋友在青岛賞花遊玩。\n新華社發(fā)(張小鷹攝)",
     {"photographer": "張小鷹", "agency": "Xinhua"}),
    ("the agency that sent a picture someone else provided", "夜幕下的车站 (央广网发 滨海新区供图)\n\n新区加快建设。",
     {"agency": "China National Radio", "provider": "滨海新区", "photographer": None}),
    ("a long provider's name after 图片由", "老厂房改成的创意街区。图片由棉三创意企业管理服务有限公司提供",
     {"provider": "棉三创意企业管理服务有限公司"}),
    ("本文图片均由 X 拍摄: the photographer", "本文图片均由施小宇拍摄,周小浪编选。\n\n老板养的信鸽停在鸽棚上。",
     {"photographer": "施小宇"}),
    ("图片来自 with no colon", "遊客在八廓街上挑選商品。(圖片來自東方IC)", {"agency": "IC", "photographer": None}),
    ("an outlet's picture in brackets", "警方在廣場一帶部署水炮車。(法新社圖片)", {"agency": "AFP"}),
    ("the outlet's posting between its name and the role", "圖為鹿港茶館。(新華社駐臺記者施小春攝)",
     {"photographer": "施小春", "agency": "Xinhua"}),
    ("the outlet's app between its name and the role",
     "一家人展示刚收下的葡萄。(大众日报客户端记者 王小奇 通讯员 范小倩 报道)",
     {"photographer": "王小奇", "agency": "Dazhong Daily"}),
    ("a year's last character before the outlet", "下图为2023年新华社记者韩小号拍摄的老街。",
     {"photographer": "韩小号", "agency": "Xinhua"}),
    ("the story's byline after its dateline is the writer's, when the picture has its own credit",
     "市民在广场参观。 新华社发\n\n本报讯(记者 任小珊)广场景观9月4日下午对公众开放。",
     {"photographer": None, "agency": "Xinhua"}),
    ("a reader of the paper named by a photographer's label: the provider",
     "民眾亮起手機燈光。\n\n攝影:本報讀者\n\n(吉隆坡22日訊)希盟今晚到文良港開講。",
     {"photographer": None, "provider": "本報讀者"}),
    ("a bullet mark before Name/摄", "田野里随处可见油菜花。□粟小主/摄", {"photographer": "粟小主"}),
    ("a page's related stories after the caption hold other pictures' credits",
     "果园里一派丰收景象。记者 邓小宏 摄\n新闻推荐\n志愿者书写诗句。(记者王小东摄)",
     {"photographer": "邓小宏"}),
    ("摄影: an outlet's reporter, written with no space", "步行街人潮涌动 摄影:楚天都市报记者姚小岗",
     {"photographer": "姚小岗", "agency": "Chutian Metropolis Daily"}),
    ("摄影: an outlet's reporter, the story's dateline after it",
     "步行街人潮涌动 摄影:楚天都市报记者姚小岗\n楚天都市报讯(记者姚小岗)4月4日,武汉江汉路步行街人气火爆。",
     {"photographer": "姚小岗", "agency": "Chutian Metropolis Daily"}),
    ("a file picture of an outlet the registry knows by its Chinese name", "记者在现场直播。(大紀元資料圖片)",
     {"agency": "The Epoch Times", "photographer": None}),
    ("a picture from the internet is no outlet", "市民在公园里散步。（网络图片）",
     {"agency": None, "photographer": None}),
    ("the photographer right after the picture's title, the prose after",
     "《丰收季节》曹小国 摄 深秋时节,橘子红了。会员们走进石门县。", {"photographer": "曹小国"}),
    ("words alone after the last stop are no person, though a surname begins them (马拉松, 王府井)",
     "选手们在长安街上奔跑。马拉松", {"photographer": None}),
    ("a place alone after the last stop is no person", "游客在景区游览。王府井", {"photographer": None}),
    ("people of the prose after 照片由 are no photographer", "这些照片由游客拍摄，记录了当天的盛况。",
     {"photographer": None}),
    ("a body referred to, not named, releases no picture", "当地政府发布的图片显示道路受损。", {"provider": None}),
    ("the body that released a handout picture: the provider",
     "美国国家航空航天局3日发布的这张照片显示火星表面的沙丘。",
     {"provider": "美国国家航空航天局", "photographer": None}),
    ("whoever posted a picture is no provider", "网友在微博发布的照片显示街道积水。", {"provider": None}),
    ("文∕ and 圖∕ with division slashes, after a comma in brackets: the agency after 圖",
     "人們在上班尖峰時間穿過街道。\n\n(文∕本報記者,圖∕路透)", {"agency": "Reuters", "photographer": None}),
    ("a box-drawing diagonal (╱) for the slash between the staff name and 攝影",
     "人群在廣場前更加擁擠。(記者林小雲╱攝影)", {"photographer": "林小雲"}),
    ("a person's name, a slash and a known agency, in brackets", "古镇里游人如织。(林小雲/CFP)",
     {"photographer": "林小雲", "agency": "CFP"}),
    ("the same with a Chinese agency's name", "古镇里游人如织。(林小雲/视觉中国)",
     {"photographer": "林小雲", "agency": "VCG"}),
    ("a name run into a known agency's Latin letters", "古镇里游人如织。(林小雲CFP)",
     {"photographer": "林小雲", "agency": "CFP"}),
    ("a place run into Latin letters is no person's credit", "古镇里游人如织。(北京IC)",
     {"photographer": None}),
    ("an outlet the registry lacks, named as outlets are (网), run into the name, then 摄",
     "电工乘小船前往作业点。某某经济网林小雲摄", {"photographer": "林小雲", "agency": "某某经济网"}),
    ("as written, in traditional characters", "電工乘小船前往作業點。某某經濟網林小雲攝",
     {"photographer": "林小雲", "agency": "某某經濟網"}),
    ("no outlet's ending, no split: words of the prose then 拍摄", "工人在码头作业。游客纷纷驻足拍摄",
     {"photographer": None, "agency": None}),
    ("a foreign photographer's full name in Latin letters, a slash and the agency in Chinese, after a source label",
     "市民参加骑行巡游。图片来源:Ivan Petrov/塔斯社", {"photographer": "Ivan Petrov", "agency": "TASS"}),
    ("the same with 俄塔社, TASS as Xinhua names it", "市民参加骑行巡游。图片来源:Ivan Petrov/俄塔社",
     {"photographer": "Ivan Petrov", "agency": "TASS"}),
    ("a surname alone before the slash stays no photographer", "市民参加骑行巡游。图片来源:Petrov/塔斯社",
     {"photographer": None, "agency": "TASS"}),
    ("a known agency's picture (照片) alone in brackets", "市民在公园散步。(美聯社照片)", {"agency": "AP"}),
    ("an outlet's file photo (资料照片) after a label: the outlet", "民眾在街頭集會。圖/某某日報資料照片",
     {"agency": "某某日報"}),
    ("a note alone in brackets names no agency", "市民在公园散步。(无人机照片)", {"agency": None}),
    ("a box-drawing bar (│) after the photographer's label", "市民在公园散步。 攝影│林小雲",
     {"photographer": "林小雲"}),
    ("a bar between the staff word and the name of a byline that ends the caption",
     "市民在公园散步。 新华社记者|林小雲", {"photographer": "林小雲", "agency": "Xinhua"}),
    ("a paper's two-character short form the registry does not know names no agency",
     "女士在车厢里做复习题。 郑报全媒体记者 马小健 摄", {"photographer": "马小健", "agency": None}),
    ("two people of two characters in brackets are still people", "工人在高架段作业。(章磊 万晶 摄)",
     {"photographer": "章磊", "agency": None}),
    ("a paper's contributing photographer (特约摄影)", "市民在公园里散步。 特约摄影 王小明",
     {"photographer": "王小明", "agency": None}),
    ("特约 begins the role 特约摄影师: no outlet", "市民在公园里散步。 特约摄影师 王小明",
     {"photographer": "王小明", "agency": None}),
    ("a name and 摄 run into the next sentence", "市民在公园里散步。王小明 摄 当日，游客络绎不绝。",
     {"photographer": "王小明"}),
    ("a name and 摄, a stop, then the next sentence", "市民在公园里散步。王小明摄。当日，游客络绎不绝。",
     {"photographer": "王小明"}),
    ("the writer (文), then the photographer (图) in one bracket", "市民在公园里散步。（本报记者 王小明 文 李小红 图）",
     {"photographer": "李小红", "agency": None}),
    ("the writer (文), then the photographer (摄), after an outlet's role",
     "市民在公园里散步。 新华社记者 王小明 文 李小红 摄", {"photographer": "李小红", "agency": "Xinhua"}),
    ("a reporter credited for the text only takes no picture", "市民在公园里散步。（记者 王小明 文）",
     {"photographer": None}),
    ("a reporter's text and picture (文/图) are theirs", "市民在公园里散步。（记者 王小明 文/图）",
     {"photographer": "王小明"}),
    ("the photographer in brackets, then the page's source on its own line",
     "市民在公园里散步。（王小明 摄）\n来源：新华网", {"photographer": "王小明", "agency": "Xinhuanet"}),
    ("a photographer's label in 【】", "市民在公园里散步。 【摄影：王小明】", {"photographer": "王小明"}),
    ("a credit in square brackets of either width", "市民在公园里散步。 ［王小明 摄］", {"photographer": "王小明"}),
    ("a credit in quotation marks", "市民在公园里散步。 “王小明 摄”", {"photographer": "王小明"}),
    ("a credit after a dash", "市民在公园里散步。 ——王小明 摄", {"photographer": "王小明"}),
    ("the photographer's credit, then the writer's: X/文 is no outlet", "市民在公园里散步。 李小红/图 王小明/文",
     {"photographer": "李小红", "agency": None}),
    ("X/文 alone credits the writer", "市民在公园里散步。 王小明/文", {"photographer": None, "agency": None}),
    ("people of the prose and 摄 run on are no name", "市民在公园里散步。游客纷纷摄 当日，游客络绎不绝。",
     {"photographer": None}),
    # capzh14: the credit shapes of county papers, Hong Kong, Taiwan and overseas Chinese media
    ("a name and 摄 run into where it was taken (摄于...)", "雪后山村 李小峰摄于某某乡石门村",
     {"photographer": "李小峰", "sublocation": "石门村"}),
    ("an overseas paper, a slash, then the name run into 摄", "市民在公园里散步。 星洲日报/王小明摄",
     {"agency": "星洲日报", "photographer": "王小明"}),
    ("a paper's name after a picture's label is the outlet, no person", "市民在公园里散步。（图：欧洲时报）",
     {"agency": "欧洲时报", "photographer": None}),
    ("a picture's word before 摄于 is no name", "对比照片。上图摄于2020年1月29日", {"photographer": None}),
    ("an agency sends a handout, its provider in the bracket after 发",
     "市民在广场观看灯光秀。新华社发(某某州政府供图)",
     {"agency": "Xinhua", "provider": "某某州政府", "photographer": None}),
    ("an outlet's role, then the name and 摄 in brackets", "塔吊在码头装卸集装箱。新华网记者(李小磊摄)",
     {"agency": "Xinhuanet", "photographer": "李小磊"}),
    ("图 written in its old form 圗", "庙里的门神摆得正确。(圗:林小球)", {"photographer": "林小球"}),
    ("图/文 and a colon label the photographer", "眾神遶境出發。(圖/文:曹小偉)", {"photographer": "曹小偉"}),
    ("an outlet in title marks, a slash, then the name and 摄", "市民观看花车游行。(美國《某某報》/高小睿 攝)",
     {"agency": "美國《某某報》", "photographer": "高小睿"}),
    ("a label before the slash in brackets is no outlet", "市民观看花车游行。(图/高小睿 摄)",
     {"agency": None, "photographer": "高小睿"}),
    ("a name in Latin letters run into 攝", "自贸区里的咖啡店。(Anna攝)", {"photographer": "Anna", "provider": None}),
    ("a Korean-style source tag names the centre that handed the picture out", "嘉宾出席开幕式。【图片=某某文化中心】",
     {"provider": "某某文化中心", "agency": None}),
    ("a known agency after 图源", "澳門街頭上演舞獅。圖源:中通社", {"agency": "China News Service"}),
    ("an outlet's correspondent posted abroad: the outlet before 驻", "街头挂满红灯笼。(某某日报驻东京记者 王小明 摄)",
     {"agency": "某某日报", "photographer": "王小明"}),
    ("an international communication centre's correspondent",
     "商场里陈列着金龙。(长城国际传播中心驻马来西亚吉隆坡报道员 赵小鑫 摄)",
     {"agency": "Great Wall International Communication Center", "photographer": "赵小鑫"}),
    ("a contest's photographer: the contest is no outlet", "江水滔滔，日夜不停。圖/台賽攝影師 王小炎",
     {"agency": None, "photographer": "王小炎"}),
    ("a wire's short name after Xinhua's: the wire whose picture it is", "这是3月2日在英国伦敦拍摄的街景。新华社/美联",
     {"agency": "AP", "photographer": None}),
    ("采访人员 written for 记者: the agency's staff, the reprinting paper after it no agency",
     "演员在胡同里表演京剧。新华社采访人员 王小昊摄 《某某日报》( 2021年05月02日 04版)",
     {"agency": "Xinhua", "photographer": "王小昊"}),
    ("a known outlet, a slash and its photographer, in brackets", "华埠的新春游行吸引大批市民。(大纪元/张小丹)",
     {"agency": "The Epoch Times", "photographer": "张小丹"}),
    ("a label, a slash and words in brackets are no two outlets", "夜市擠得水洩不通。(圖/翻攝自某某社)",
     {"agency": None}),
    ("the short name of AFP after Xinhua's", "这是3月2日在法国巴黎拍摄的塞纳河。新华社/法新", {"agency": "AFP"}),
    ("China News Service's short name alone ends the caption", "5月6日，牧民赶着羊群转场。  中新",
     {"agency": "China News Service", "photographer": None}),
    ("a full stop after 摄 still ends the credit", "渔民在码头晒网。柯小勇摄。",
     {"photographer": "柯小勇"}),
    ("a full stop after a spaced credit", "渔民在码头晒网。 柯小勇 摄.", {"photographer": "柯小勇"}),
    ("拍摄 and a full stop is the prose's verb, no credit", "夕阳下的古桥，游客驻足拍摄。", {"photographer": None}),
    ("the box-drawing diagonal as the slash before 攝影", "人群更加擁擠。(記者柯小雲╱攝影)",
     {"photographer": "柯小雲"}),
    ("a Taiwan county the gazetteer may not know after a CNA reporter's name", "志工清理淤泥。中央社記者柯小城屏東攝",
     {"photographer": "柯小城", "agency": "CNA"}),
    ("a county with 縣 after a CNA reporter's name", "志工清理淤泥。中央社記者柯小城宜蘭縣攝",
     {"photographer": "柯小城", "agency": "CNA"}),
    ("an outlet the registry does not know, run into the name", "电工乘小船前往作业点。奎瓦经济网柯小波摄",
     {"photographer": "柯小波", "agency": "奎瓦经济网"}),
    ("签约, contracted, is the photographer's role, no part of the outlet", "龙舟竞渡。 奎瓦新闻签约摄影师 柯小明 摄",
     {"photographer": "柯小明", "agency": "奎瓦新闻"}),
    ("a name, a slash and a known agency, in brackets", "游客在奎瓦古镇游览。(柯小明/视觉中国)",
     {"photographer": "柯小明", "agency": "VCG"}),
    ("a name, a spaced slash and an agency in Latin letters, in brackets", "游客在奎瓦古镇游览。（柯小明 / CFP）",
     {"photographer": "柯小明", "agency": "CFP"}),
    ("a name run into an agency's Latin letters, in brackets", "奎瓦古鎮的石橋(柯小德CFP)",
     {"photographer": "柯小德", "agency": "CFP"}),
    ("a name run into Latin letters no agency has is no credit", "奎瓦古鎮的石橋(柯小德QVX)",
     {"photographer": None, "agency": None}),
    ("a name in Latin letters, a slash and an agency written in Chinese", "市民骑车巡游。图片来源:Quorva Lindt/塔斯社",
     {"photographer": "Quorva Lindt", "agency": "TASS"}),
    ("俄塔社 is TASS", "市民骑车巡游。图片来源:Quorva Lindt/俄塔社",
     {"photographer": "Quorva Lindt", "agency": "TASS"}),
    ("an agency's English name before its Chinese one is no person", "市民骑车巡游。 Visual China Group/视觉中国",
     {"photographer": None, "agency": "VCG"}),
    ("a transliterated name of five characters after a reporter's role", "牧民给牛添草料。(奎瓦日报记者巴特奎古楞摄)",
     {"photographer": "巴特奎古楞", "agency": "奎瓦日报"}),
    ("five characters of words after a role are no name", "牧民给牛添草料。 记者深入田间地拍摄",
     {"photographer": None}),
    ("报社, the paper's office, is named as the paper", "牧民给牛添草料。(奎瓦日報社記者柯小明攝)",
     {"photographer": "柯小明", "agency": "奎瓦日報"}),
    ("an acronym in brackets right after the Chinese name it abbreviates is no credit",
     "代表们出席奎瓦人民代表大会(QPC)", {"provider": None, "agency": None, "photographer": None}),
    ("an acronym the registry knows there still hands the picture out", "月球表面的环形山(NASA)",
     {"provider": "NASA"}),
    ("a web address after a source label: the outlet it belongs to", "奎瓦总统出席国宴。 来源: www.chinanews.com",
     {"agency": "China News Service"}),
    ("a web address after the label with no space: the label no part of it",
     "奎瓦总统出席国宴。 来源:chinadaily.com.cn",
     {"agency": "China Daily"}),
    ("a web address the registry knows as no outlet's is no agency", "奎瓦总统出席国宴。 来源: img.quorvapics.com",
     {"agency": None}),
    ("an outlet, a slash, a name and 摄 after a space", "游客在奎瓦古镇游览。 奎瓦时报/柯小明 摄",
     {"photographer": "柯小明", "agency": "奎瓦时报"}),
    ("a name, a slash and an agency's English name", "游客在奎瓦古镇游览。 柯小明 / China Daily",
     {"photographer": "柯小明", "agency": "China Daily"}),
    ("a name and an agency in square brackets", "游客在奎瓦古镇游览。 [柯小明 / 中国日报]",
     {"photographer": "柯小明", "agency": "China Daily"}),
    ("a transliterated name of four and 摄 run into the next sentence",
     "群鸟飞过湿地 巴特奎拉 摄  3月10日,冰雪开始消融。", {"photographer": "巴特奎拉"}),
    ("four characters of words before 摄 are no name", "群鸟飞过湿地。 市民纷纷 摄 3月10日,冰雪开始消融。",
     {"photographer": None}),
    ("an archive's creator field with no colons, each on its line, before the date's field",
     "族人在會場進行祭儀。\n創作者\n柯小材\n拍攝時間\n1983", {"photographer": "柯小材"}),
    ("the creator field on one line, spaced", "族人在會場進行祭儀。 創作者 柯小材 拍攝時間 1983",
     {"photographer": "柯小材"}),
    ("图: before a name and the writer's field names the photographer",
     "图:柯小福\n文:戴小恩\n灯笼比赛的冠军由商会摘得。", {"photographer": "柯小福"}),
    ("图: before words and the writer's field is the picture's description", "图:村民晒谷\n文:柯小明",
     {"photographer": None}),
    ("中国新闻网, China News Service's website, after a source label", "游客在奎瓦古镇游览。 来源:中国新闻网",
     {"agency": "China News Service"}),
    ("a known outlet and its app after a source label", "游客在奎瓦古镇游览。 来源：央视新闻客户端",
     {"agency": "CCTV"}),
    ("an unknown outlet's app after a source label is no agency", "游客在奎瓦古镇游览。 来源：奎瓦新闻客户端",
     {"agency": None}),
    ("a known agency's file picture alone at the end", "游客在奎瓦古镇游览。 新华社资料图片", {"agency": "Xinhua"}),
    ("this paper's file picture names no agency", "游客在奎瓦古镇游览。 本报资料图片", {"agency": None}),
    ("提供 in the prose provides no picture", "志愿者在奎瓦古镇为游客提供咨询服务。", {"provider": None}),
    ("a sponsor's 提供 is no picture's provider", "大会由奎瓦县政府主办,奎瓦公司提供赞助", {"provider": None}),
    ("这张由X提供的照片: the provider without the words before it", "这张由奎瓦航天局提供的照片显示火星表面。",
     {"provider": "奎瓦航天局"}),
    ("提供 then the picture's word", "原本的密林已被铲去。柯小基提供图片", {"provider": "柯小基"}),
    ("a photo agency that 供图 is the agency, no provider", "游客在奎瓦古镇游览。(视觉中国供图)",
     {"agency": "VCG", "provider": None}),
    ("a wire that 提供 is the agency", "奎瓦河水漫过道路。 (美联社提供)", {"agency": "AP", "provider": None}),
    ("an office that 供图 stays the provider", "游客在奎瓦古镇游览。 新华社发(奎瓦县委宣传部供图)",
     {"agency": "Xinhua", "provider": "奎瓦县委宣传部"}),
    ("a name, the full-width slash and a known agency", "花農在奎瓦趕摘菊花。 柯小明／視覺中國",
     {"photographer": "柯小明", "agency": "VCG"}),
    ("a name, the full-width slash and 攝 in square brackets", "花農在奎瓦趕摘菊花。 【柯小明／攝】",
     {"photographer": "柯小明"}),
    ("a paper group's file picture after 圖/: the paper", "花農在奎瓦趕摘菊花。圖／聯合報系資料照片",
     {"agency": "United Daily News"}),
    ("a file picture after 圖/ names no outlet", "花農在奎瓦趕摘菊花。圖/資料照片", {"agency": None}),
    ("words before a name are no outlet", "电工乘小船前往作业点。在互联网柯小摄", {"agency": None}),
    ("a city paper the registry lacks, then its photographers, space apart",
     "环卫工人排队领取凉茶 奎沃日报 柯小兵 冒小异 何小丹 摄", {"photographer": "柯小兵", "agency": "奎沃日报"}),
    ("a site the registry lacks alone before the name, after a full stop",
     "渔民在码头晒网。中國奎沃網 柯小林 攝", {"photographer": "柯小林", "agency": "中國奎沃網"}),
    ("prose before a bare name is no outlet", "游客在奎沃古镇游览 柯小林 摄",
     {"photographer": "柯小林", "agency": None}),
    ("a person's full name in Latin letters after a source label ends the line",
     "奎沃河畔的烟花一景  圖片來源:Andrew Quorv",
     {"photographer": "Andrew Quorv", "agency": None}),
    ("an outlet's name in Latin letters after a source label stays the outlet",
     "奎沃河畔的烟花一景（图片来源:Global News）",
     {"photographer": None, "agency": "Global News"}),
    ("an outlet and its desk, then names, in the last bracket with no word of taking",
     "游客在奎沃湖边赏花。(奎沃网·某某视频 柯小明 李小红)", {"photographer": "柯小明", "agency": "某某视频"}),
    ("a county's media centre, then a name, in the last bracket",
     "梯田里的稻谷熟了。(奎沃县融媒体中心 柯小明)", {"photographer": "柯小明", "agency": "奎沃县融媒体中心"}),
    ("an office, then a name, in the last bracket: the office handed it out",
     "云雾梯田 (奎沃州纪委宣传部 柯小明)", {"photographer": "柯小明", "agency": None, "provider": "奎沃州纪委宣传部"}),
    ("an office alone in brackets is no person", "毕业生合影留念。(宣传部)", {"photographer": None}),
    ("a place, then a venue, in brackets is no credit", "游客赏花。(北京 王府井)",
     {"photographer": None, "agency": None}),
    ("the story's source after the picture's credit: the credit is the picture's",
     "機場航班無法起降,旅客滯留。新華社記者柯小任 攝 文章來源: 新華網", {"photographer": "柯小任", "agency": "Xinhua"}),
    ("...the source names the outlet the credit does not", "游客在景区游览。摄影:柯小斌(奎沃记者站)来源:中国日报网",
     {"photographer": "柯小斌", "agency": "China Daily"}),
    ("...a source alone is the credit", "游客在景区游览。来源:新华网", {"photographer": None, "agency": "Xinhuanet"}),
    ("a known agency, a space, then 发, closing the caption", "园区施工正紧,预计月底开园。 新华社 发",
     {"agency": "Xinhua", "photographer": None}),
    ("...a person's name, a space, then 发 is prose", "园区施工正紧,预计月底开园。 柯小明 发", {"agency": None}),
    ("an account's Facebook picture closing the caption: the account handed it out",
     "某某到老人家中探訪,與她閒話家常。柯小明FB圖片", {"provider": "柯小明", "photographer": None, "agency": None}),
    ("...a source label before an account's post", "从太空拍下的城市夜景。来源:柯小明推文",
     {"provider": "柯小明", "agency": None}),
    ("...a page the picture was copied from, in brackets", "金某挽著他的手臂。(圖/翻攝自奎沃新聞)",
     {"provider": "奎沃新聞", "agency": None}),
    ("...a clause before the site's name is no account", "市民在湖边散步。他在微博照片", {"provider": None}),
    ("...翻攝 with no 自, an account's page", "消防員生前熱愛工作。(圖/翻攝奎沃讚警臉書)",
     {"provider": "奎沃讚警臉書", "agency": None}),
    ("...取自 after a label with no bracket", "警方正在追查。圖／取自奎沃城隍廟臉書",
     {"provider": "奎沃城隍廟臉書", "agency": None}),
    ("...擷取自 a group on a site", "住家的遮雨棚被吹垮。(擷取自臉書社團奎沃大小事)",
     {"provider": "臉書社團奎沃大小事"}),
    ("...a broadcaster's name in Latin letters with a hyphen", "大廈起火。（圖／翻攝自Q-CABLE）",
     {"provider": "Q-CABLE"}),
    ("...a site alone names no one", "热门景区游人爆满。(图/取自小红书)", {"provider": None, "agency": None}),
    ("...翻攝照片 names nothing", "海巡馬上派員趕往現場。翻攝照片", {"provider": None}),
    ("a provider described before 的, with a courtesy title: the person's name",
     "這張照片由從奎沃鎮(今奎沃市)遷居到台北縣永和市的柯維鈞先生提供,畫面是老街。", {"provider": "柯維鈞"}),
    ("...a venue's kind after 的 stays whole", "图片由奎沃县的文化馆提供", {"provider": "奎沃县的文化馆"}),
    ("a weekly's short name after a label (圖文／): the outlet, no person", "民眾來到鄉間幫忙清淤。  圖文／奎週刊",
     {"agency": "奎週刊", "photographer": None}),
    ("a news agency's 社发 run into the photographer's name", "游客在国会山参观。中新社发柯小健 摄",
     {"agency": "China News Service", "photographer": "柯小健"}),
    ("...a website's 发 run into words is no credit of that shape", "市民清理积雪。奎沃网发柯小健 摄",
     {"agency": None}),
    ("照片为X提供: the picture is X's handout", "学生前往球场实地教学。照片為奎沃大學提供",
     {"provider": "奎沃大學", "photographer": None}),
    ("a label after 视频 names who filmed the video; the reporter's byline is the picture's",
     "梯田上火光闪动。(奎沃新闻记者 柯小东 罗小芊 视频拍摄:勒勒小呷 越西融媒)",
     {"photographer": "柯小东", "agency": "奎沃新闻"}),
    ("a body in Chinese, a slash, then a full name in Latin letters: the body, then its photographer",
     "一名妇女在发放点领取口粮。 奎沃署/Tamsin Vellacourt", {"photographer": "Tamsin Vellacourt", "agency": "奎沃署"}),
    ("...a known agency first", "一名妇女在发放点领取口粮。 新华社/Tamsin Vellacourt",
     {"photographer": "Tamsin Vellacourt", "agency": "Xinhua"}),
    ("...a Chinese name before a known agency stays the photographer", "市民在湖边散步。 赵小军/视觉中国",
     {"photographer": "赵小军", "agency": "VCG"}),
    ("an outlet's picture library sends the picture: 发 is no part of its name",
     "大桥施工正忙。 柯小俊 摄 (奎沃图片库发)",
     {"photographer": "柯小俊", "agency": "奎沃图片库"}),
    ("...a county's media centre sends it", "茶农采摘春茶。柯小俊 摄（奎沃县融媒体中心发）",
     {"photographer": "柯小俊", "agency": "奎沃县融媒体中心"}),
    ("a city's media centre by its brand, the place and 融媒, before the role",
     "游客在古城赏雪。(大理融媒记者 柯小祖 摄)",
     {"photographer": "柯小祖", "agency": "大理融媒"}),
    ("...a paper's short form and 融媒", "村民在田间插秧。 奎报融媒记者 柯小艳 摄",
     {"photographer": "柯小艳", "agency": "奎报融媒"}),
    ("...融媒体记者 alone names no outlet", "村民在田间插秧。 融媒体记者 柯小艳 摄",
     {"photographer": "柯小艳", "agency": None}),
    ("...全媒体记者 after a paper's short form names none (which paper?)", "村民在田间插秧。 奎报全媒体记者 柯小艳 摄",
     {"photographer": "柯小艳", "agency": None}),
    ("an outlet, the name, then 图 after a space: the picture's credit", "旅客在候车厅等车。澎湃新闻 柯小栋 图",
     {"photographer": "柯小栋", "agency": "The Paper"}),
    ("...a staff role before the name", "旅客在候车厅等车。 奎沃日报记者 柯小栋 图",
     {"photographer": "柯小栋", "agency": "奎沃日报"}),
    ("...words before 图 are no person", "游客在古城游玩。 见下 图", {"photographer": None}),
    ("a contributor's bare name before an outlet's staff credit: two photographers, the first named",
     "图为无人机作业现场。 柯小全 奎沃日报记者 孙小福 摄", {"photographer": "柯小全", "agency": "奎沃日报"}),
    ("...a byline with no 摄", "志愿者清理垃圾。  柯小莉 奎沃晨报首席记者张小明",
     {"photographer": "柯小莉", "agency": "奎沃晨报"}),
    ("...a time word before the credit is no name", "村民在田里忙碌。当天 新华社记者 王小明 摄",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("a city paper's square mark before the photographer's bare name closing the caption", "游人在湖边散步。■ 柯小洋",
     {"photographer": "柯小洋", "agency": None}),
    ("...the mark right before a spaced name of two", "市民在广场跳舞。 □柯 明", {"photographer": "柯 明"}),
    ("...in traditional characters", "遊人在湖邊散步。■ 黃小洋", {"photographer": "黃小洋"}),
    ("...a place after the mark is no one", "游人在湖边散步。■ 合肥", {"photographer": None}),
    ("...words after the mark are no one", "游人在湖边散步。■ 资料图", {"photographer": None}),
    ("a role and a spaced name of two closing the caption after the mark", "医护人员坚守岗位。\n■融媒体记者 柯 昊",
     {"photographer": "柯 昊"}),
    ("the newsroom's department on a line of its own after the byline names the outlet",
     "游客在园区拍照留念。\n\n记者:柯小飞\n\n新华社音视频部", {"photographer": "柯小飞", "agency": "Xinhua"}),
    ("...with 制作 after it, in traditional characters", "工人們正在幹活。 記者:柯小威 新華社攝影部製作",
     {"photographer": "柯小威", "agency": "Xinhua"}),
    ("...an unknown body's department names no outlet", "工人们正在干活。 记者:柯小威 某某公司摄影部",
     {"photographer": "柯小威", "agency": None}),
    ("a paper and its app's brand run together before the role: the paper",
     "游客在樱花园赏花。奎城都市报奎目新闻记者 柯小芳 摄", {"photographer": "柯小芳", "agency": "奎城都市报"}),
    ("...a known paper and its site", "游客在樱花园赏花。新民晚报新民网记者 柯小芳 摄",
     {"photographer": "柯小芳", "agency": "Xinmin Evening News"}),
    ("a name the registry knows as an agency's (彭博) after a known outlet and a space is its photographer",
     "工作人员在监测室工作。新华网 彭博 摄 柯小雨 文", {"photographer": "彭博", "agency": "Xinhuanet"}),
    ("...alone before 摄 it stays the agency", "工作人员在监测室工作。 彭博 摄",
     {"photographer": None, "agency": "Bloomberg"}),
    ("an outlet's brand in capitals, a slash, then its photographer and 摄", "茶农在采春茶。ABCPHOTO/柯小川 摄",
     {"photographer": "柯小川", "agency": "ABCPHOTO"}),
    ("...a known agency so written", "茶农在采春茶。CFP/柯小川 摄", {"photographer": "柯小川", "agency": "CFP"}),
    # a provider in Latin words with spaces between them, read whole (issue 14: only the last word was read)
    ("a brand of two Latin words before 提供", "商场门口免费派发蛋糕。(Sweet Corner提供)",
     {"provider": "Sweet Corner", "photographer": None, "agency": None}),
    ("...a channel's name, Chinese then Latin words, after 圖/", "球场四周冷冷清清。(圖/小明的Daily Run Channel提供)",
     {"provider": "小明的Daily Run Channel"}),
    ("...one Latin word stays as it was", "市民在公园散步。(Anna提供)", {"provider": "Anna"}),
    ("...Latin words before 供图 after a space", "游客在湖边拍照。 Blue Lake Studio 供图",
     {"provider": "Blue Lake Studio"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CREDITS], ids=[c[0] for c in CREDITS])
def test_credit_kinds(text, expected):
    check(text, expected)


def test_a_full_stop_after_the_credit_is_no_part_of_it():
    assert parse("渔民在码头晒网。柯小勇摄。").credit.raw == "柯小勇摄"


DATES = [
    ("a day glued to the credit after 摄于: the day it was taken", "草原上牛羊成群。新华社记者柯小川摄于6月22日",
     {"date": None, "date_kind": "taken", "photographer": "柯小川"}),
    ("...with its year", "草原上牛羊成群。柯小川摄于2023年6月22日", {"date": "2023-06-22", "date_kind": "taken"}),
    ("the day a paper printed an article (登载) is the issue's, not the picture's",
     "柯小特在办公室里,向记者展示2014年9月登载那篇文章的报纸。新华社记者柯小强摄", {"date": None, "date_kind": None}),
    ("Taiwan's calendar in numerals, stamped after an archive's credit",
     "運動大會十一月十九日在奎瓦體育場開幕。中央社記者柯小炎攝  四十八年十一月十九日",
     {"date": "1959-11-19", "date_kind": "taken"}),
    ("a count of years in numerals before a day is no year", "三十年前的五月一日,游客在奎瓦古镇游览。",
     {"date": None, "date_kind": "taken"}),
    ("噚日, yesterday in written Cantonese, is the photo's day", "奎瓦村巡遊噚日冒雨舉行。(柯小傑攝)",
     {"date": None, "date_kind": "taken"}),
    ("今早, this morning", "今早9時,奎瓦廣場一帶擠滿遊客。（柯小琛攝）", {"date": None, "date_kind": "taken"}),
    ("a later day of the new year, early that day", "大年初五一大早,牧民就给牛羊添草料。",
     {"date": None, "date_kind": "taken"}),
    ("a date before 报道 is the report's, not the photo's", "当地时间2022年9月19日报道,奎瓦州的一座电站。",
     {"date": None, "date_kind": None}),
    ("发布 of a collection, not of a picture: the event's date, taken",
     "设计师5月10日在上海时装周发布2025春夏系列。", {"date": None, "date_kind": "taken"}),
    ("发布 of a picture is its release", "这是某航天局2024年5月10日发布的照片。",
     {"date": "2024-05-10", "date_kind": "released"}),
    ("a date a later sentence tells of after 于 is history, not the photo's",
     "游客在古镇游览。该古镇于2019年5月1日对外开放。", {"date": None, "date_kind": None}),
    ("but one opening the later sentence is the scene's", "游客在古镇游览。2019年5月1日，古镇对外开放。",
     {"date": "2019-05-01", "date_kind": "taken"}),
    ("an archive line that says when the photo was taken (拍攝於), in a later sentence",
     "老街的景象。這張照片拍攝於2001年3月5日,當時街上還有電車。", {"date": "2001-03-05", "date_kind": "taken"}),
    ("a correspondent's name run into the city, 攝, then Taiwan's calendar with slashes as the stamp",
     "市長視察工地。 中央社記者林小華台北攝 112/9/8",
     {"photographer": "林小華", "agency": "CNA", "date": "2023-09-08", "date_kind": "taken"}),
    ("a full date opening a later 图为 sentence is the picture's, not the background sentence's",
     "罢工持续多日。2023年3月8日,巴黎有大批民众上街游行。图为2023年3月7日,马赛的码头工人在港口集会。",
     {"date": "2023-03-07", "date_kind": "taken", "city": "马赛"}),
    ("一日 inside a word (统一日, a unity day; 同一日) is no day", "市民在广场上庆祝民族统一日。",
     {"date": None, "date_kind": None}),
    ("Taiwan's slashed calendar inside the text is no date", "比數為113/3/14,主隊獲勝。", {"date": None}),
    ("a page's posting time (a date and a clock) above the text's own other day is no photo's date",
     "古镇迎新年 1 / 3 2021-02-13 09:40 2月12日,游客在古镇参加新年活动。",
     {"date": None, "date_kind": "taken"}),
    ("...but a date and a clock alone are the picture's stamp", "2021-02-12 16:00 游客在古镇参加新年活动。",
     {"date": "2021-02-12", "date_kind": "taken"}),
    ("a planned day (预计于) is no photo's date", "工程預計於115年6月30日完工,市長視察工地。",
     {"date": None, "date_kind": None}),
    ("a festival's evening (当晚) opening the caption", "中秋节当晚,市民在江边赏月。",
     {"date": None, "date_text": "中秋节", "date_kind": "taken"}),
    ("a paper's issue and page after its date (第 01 版) is when it printed, not the photo's",
     "市民在湖边散步。《某某日报》( 2021年05月12日 第 03 版)", {"date": None, "date_kind": None}),
    ("a statistic's span of months (1月至10月) is no photo's date",
     "据统计,2022年1月至10月,全县接待游客300万人次。图为游客在古镇游览。", {"date": None}),
    ("a year written in numerals (二〇一九年)", "二〇一九年十月一日,群众在广场观看升旗仪式。",
     {"date": "2019-10-01", "date_kind": "taken"}),
    ("the Republic of China's calendar (Taiwan): 113年 is 2024, the stamp after the credit is the photo's",
     "市長(中)14日上午視察捷運工地進度。 中央社記者林小華攝 113年3月14日",
     {"date": "2024-03-14", "date_kind": "taken", "photographer": "林小華", "agency": "CNA"}),
    ("民國 before a year of two digits", "民國99年10月10日,國慶大會在總統府前舉行。", {"date": "2010-10-10"}),
    ("a bare three-digit year with a month alone is no date of that calendar", "建校110年5月迎來校慶。",
     {"date": None}),
    ("a date field of a labelled caption, written with hyphens",
     "古村晨雾 拍摄主题:风光 拍摄地点:黄山 拍摄时间:2012-05-06",
     {"date": "2012-05-06", "date_kind": "taken"}),
    ("a date field among fields on their own lines, after the photographer's",
     "攝影:黎小明\n主題:夜市人潮\n地點:旺角\n日期:2016年2月8日\n簡介:市民在街頭逛年宵市集,人潮擠擁。",
     {"photographer": "黎小明", "date": "2016-02-08", "date_kind": "taken"}),
    ("an event's time field (活动时间) is not the photo's: the scene's date is",
     "5月18日,社区医生为居民义诊。活动时间:2024年5月20日,欢迎居民参加。", {"date": None, "date_text": "5月18日"}),
    ("近日 (recently) names no day: no date", "近日,村民在茶园里采摘春茶。(王小明 摄)",
     {"date": None, "date_text": None, "date_kind": None}),
    ("日前 names no day, a later relative day does", "日前,大雪过后的古城游人如织。", {"date_text": None,
                                                                       "date_kind": None}),
    ("是日 (that day), as Hong Kong papers write it", "大批市民是日晚上到海旁觀賞煙花。 攝:陳小文",
     {"date": None, "date_text": "是日", "date_kind": "taken"}),
    ("a print issue's day (原载于) is not the photo's",
     "乘客在地铁车厢里看书。 记者 王小明 摄 (原载于2022年3月5日《某某晚报》A5版)", {"date": None}),
    ("a festival day opening the caption", "大年初一，北京前门大街人流熙攘。(王小明 摄)",
     {"date": None, "date_text": "大年初一", "date_kind": "taken"}),
    ("a year and a festival opening the caption", "2023年春节，成都街头挂起一排排红灯笼。",
     {"date": None, "date_text": "2023年春节", "date_kind": "taken"}),
    ("a weekday opening the caption", "周六晚上，市民在江边观看烟花。",
     {"date": None, "date_text": "周六", "date_kind": "taken"}),
    ("a festival's span (期间) is no day", "春节期间，庙会上游人如织。", {"date_text": None, "date_kind": None}),
    ("一日 inside a word (统一日, one day) is no day of the month", "市民在广场庆祝民族统一日。(王小明 摄)",
     {"date_text": None, "date_kind": None}),
    ("...a day of the month in numerals alone is", "二十一日，市民在广场庆祝节日。(王小明 摄)",
     {"date_text": "二十一日", "date_kind": "taken"}),
    ("a date right after a paper's title in book marks is the day it reported, not the photo's",
     "街头出现新的夜市。日本《某某新闻》11月5日报道了这一变化。(王小明 摄)", {"date_text": None, "date_kind": None}),
    ("...after a show's title it is the photo's day", "舞剧《丝路》5月3日在大剧院首演。(王小明 摄)",
     {"date_text": "5月3日", "date_kind": "taken"}),
    ("a festival inside the sentence is no date", "市民迎接中秋节，街头挂起灯笼。",
     {"date_text": None, "date_kind": None}),
    ("昨天 opening the caption", "昨天，施工人员在轨道交通1号线高架段作业。(胡建明 摄)",
     {"date": None, "date_text": "昨天", "date_kind": "taken"}),
    ("今天 inside the first sentence", "懸日景觀今天在台北上演。（記者蔡明培攝）",
     {"date": None, "date_text": "今天", "date_kind": "taken"}),
    ("a part of a month with no year", "1月初，戈壁的气温跌至零下20摄氏度。\n陈 明摄",
     {"date": None, "date_text": "1月初", "date_kind": "taken"}),
    ("a year alone that the text says the photo was taken in", "晚报到了 北京日报张小风1998年摄",
     {"date": "1998", "date_kind": "taken"}),
    ("taken in a year", "↑ 这两张照片分别摄于2017年(图左)和2022年(图右)。", {"date": "2017", "date_kind": "taken"}),
    ("a year alone of history is no date", "该寺始于1914年，香火不断。", {"date": None, "date_kind": None}),
    ("a date written with dots", "▲大游行，广场前挤满民众。(图/记者陈明安摄,2017.08.31)",
     {"date": "2017-08-31", "date_kind": "taken"}),
    ("当天 in a later sentence is no date of its own",
     "四季分明的农场以樱花最有名。当天更创下单日入园新高。(黄小麒摄)", {"date": None, "date_kind": None}),
    ("the date of the 图为 sentence after a context sentence with none",
     "入秋以来，峄城区的石榴陆续成熟，果农忙着采摘。图为:9月12日,在榴园镇的果园里,果农采摘石榴。(王小军 摄)",
     {"date": None, "date_text": "9月12日", "date_kind": "taken"}),
    ("a date with 起 after it is a starting point, not the photo's day",
     "乡公所将办六场免费导览，报名系统5月3日起开放网络报名。(记者林小明摄)", {"date_text": None, "date_kind": None}),
    ("a date of next year is no photo's day", "一年一度的年宵市场在公园举行，展期至明年2月9日。",
     {"date_text": None, "date_kind": None}),
    ("a year opening the caption, then a comma, is the photo's year", "2016年,宁夏腾格里沙漠。",
     {"date": "2016", "date_kind": "taken"}),
    ("a year, a comma, then the month and day: one date", "1911年,10月10日,起义军攻占督署。",
     {"date": "1911-10-10", "date_kind": "taken"}),
    ("a year of history inside the text stays no date", "这座桥始于1914年,如今游人如织。", {"date": None}),
    ("a wire caption's own sentence, opening with its date, after a line with none",
     "村民在河边赛龙舟。\n6月18日，广东省佛山市顺德区举办龙舟赛。新华社记者 王小明 摄",
     {"date": None, "date_text": "6月18日", "date_kind": "taken"}),
    ("a month alone opening a later sentence is history, no date", "村民在河边赛龙舟。\n1939年3月，这里建起渡口。",
     {"date": None, "date_text": None}),
    ("the date of a pair's 左图 sentence after a context sentence with 近日",
     "近日，古镇扎制了大批彩灯。\n左图：9月25日晚，游人在古镇赏灯。（王小明 摄）",
     {"date": None, "date_text": "9月25日", "date_kind": "taken"}),
    ("a year, the photographer's name, then 拍摄", "上图为2008年张小明拍摄的老街；下图为2024年拍摄的老街。",
     {"date": "2008", "date_kind": "taken"}),
    ("a year before 摄影 (photography) is an award's, no date", "2023年摄影大赛得主在展场分享作品。",
     {"date": None, "date_kind": None}),
    ("a span's start (开始) is no photo's day: the next sentence's date is",
     "10月中旬开始，全县苹果陆续进入收获期。\n10月21日，在洛川县凤栖街道，果农采摘苹果。",
     {"date_text": "10月21日", "date_kind": "taken"}),
    ("a story's dateline's day is when it was filed, not the photo's",
     "中新网九江3月2日电 气温回暖，江西省九江市柴桑区的油菜花陆续开放。 王小明 摄",
     {"date": None, "date_text": None, "date_kind": None}),
    ("a year before a prize's name holding 摄影 is no date", "2023年徕卡摄影奖得主在展场分享作品。",
     {"date": None, "date_kind": None}),
    ("a wire's stamp of another day than the text's is when it was filed",
     "市場裡一座美食廣場12日仍不開放。 中央社記者王小君攝 109年6月15日",
     {"date": None, "date_text": "12日", "date_kind": "taken"}),
    ("a stamp of the text's day is the photo's", "市長12日上午視察工地。 中央社記者王小君攝 109年6月12日",
     {"date": "2020-06-12", "date_kind": "taken"}),
    ("a year alone in brackets ending the caption's words is the photo's year", "泰国·清迈·古城(2012)",
     {"date": "2012", "date_kind": "taken"}),
    ("the same with 年, before the credit", "村民在寺前合影(2016年) 图/王小明", {"date": "2016", "date_kind": "taken"}),
    ("a year in brackets inside the text is no photo's year", "该寺(2009)重修后,游客众多。", {"date": None}),
    ("a named day after 图为 is the picture's day, without a year", "图为中秋节的某某古镇街头一景。",
     {"date": None, "date_text": "中秋节", "date_kind": "taken"}),
    ("the same before a time of the day", "图为元宵节当晚,市民在广场赏灯。",
     {"date_text": "元宵节", "date_kind": "taken"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_kinds(text, expected):
    check(text, expected)


PLACES = [
    ("a village is one name, not a city and a village", "在白音特拉村的活动室里，村民化妆（8月20日摄）。",
     {"city": None, "sublocation": "白音特拉村"}),
    ("the chain of another sentence completes the village's",
     "↑在白音特拉村的活动室里，村民化妆（8月20日摄）。在内蒙古乌兰察布市化德县白音特拉村，第一书记忙着布景。",
     {"sublocation": "白音特拉村", "city": "乌兰察布", "province": "内蒙古"}),
    ("a bare name below a county is no city", "近日拍摄的江西省上饶市婺源县秋口镇王村石门自然村。",
     {"city": "上饶", "province": "江西"}),
    ("a verb before the county", "从空中俯瞰婺源县王村石门自然村(2023年10月11日摄)。", {"city": "婺源县"}),
    ("a mountain area is no district", "位於太行山區的山西省壺關縣五龍山鄉水池村，過去山多地少。",
     {"city": "壺關縣", "province": "山西", "sublocation": "水池村"}),
    ("a district named after a mountain is one", "11月3日，在山东省青岛市崂山区沙子口街道，渔民晾晒海带。",
     {"city": "青岛", "province": "山东", "sublocation": "沙子口街道"}),
    ("a resort town is a venue, not a town", "11月3日，在河北省张家口市崇礼区太舞滑雪小镇，爱好者滑雪。",
     {"city": "张家口", "province": "河北", "sublocation": "太舞滑雪小镇"}),
    ("a prefecture written with 州 before its county", "2020年9月16日，四川凉山州越西县，大瑞苹果基地推行规模化管理。",
     {"city": "越西县", "province": "四川", "sublocation": "大瑞苹果基地"}),
    ("an autonomous prefecture written short (no 州) before its county: the county stands in, as after 州",
     "4月9日，在西双版纳勐海县一处古茶园里，茶农采摘春茶。", {"city": "勐海县", "province": None}),
    ("the same after the province", "4月9日，茶农在云南德宏瑞丽市弄岛镇采摘春茶。",
     {"city": "瑞丽", "province": "云南"}),
    ("a county-level city written bare before a town of its own: the city",
     "11月2日，在仙居白塔镇上横街村，村民晾晒番薯干。", {"city": "仙居", "sublocation": "上横街村"}),
    ("a town whose three-character name begins with a small city's: one town, no city",
     "11月2日，村民在三河坝镇赶集。", {"city": None, "sublocation": "三河坝镇"}),
    ("a province's name run on from a place's first character is a look-alike (漠河 and 北极村, no 河北)",
     "1月5日，游客在漠河北极村的雪地里合影。", {"province": None}),
    ("a city's name ending in 山 before a province's second character (黄山 and 西递, no 山西)",
     "1月5日，游客在黄山西递古村游览。", {"province": None, "city": "黄山"}),
    ("a verb of going before the province still leads to it", "1月5日，游客经河南前往湖北武汉。",
     {"province": "湖北", "city": "武汉"}),
    ("a kind of city between the country's part and the city's name (南部城市)",
     "7月3日，在意大利北部城市都灵，市民在河边乘凉。新华社发", {"city": "都灵", "country": "意大利"}),
    ("a kind of city with a quality (边境城市) after the province", "7月3日，游客在黑龙江边境城市黑河游览。",
     {"city": "黑河", "province": "黑龙江"}),
    ("a county-level city called a city before a dash, too small for the gazetteer's city names",
     "冬日的边境小城——绥芬河,街头满是俄文招牌。", {"city": "绥芬河"}),
    ("a city of that kind unnamed is no place", "这座边境小城，迎来了第一批游客。", {"city": None}),
    ("a city before the tourists who come from it is their origin, not the scene",
     "5月2日，苏州游客在景区内排队入园。", {"city": None}),
    ("nor is a province before 籍", "5月2日，河南籍务工人员在工地上忙碌。", {"province": None}),
    ("a district of Macau whose first character is a street's word (路氹) is the district, in Macau",
     "5月2日，游客在澳门路氹城的酒店区拍照。", {"city": "澳门", "sublocation": "路氹城"}),
    ("a street named after a city-state stays a street", "5月2日，市民在香港路散步。", {"city": None}),
    ("a city abroad whose name ends with a position word (新德里), after its country, ending its clause",
     "12月3日，在印度新德里，民众在街头排队。新华社发", {"city": "新德里", "country": "印度"}),
    ("a city abroad whose name holds 市 keeps it (胡志明市)", "12月3日，在越南胡志明市，民众在街头排队。新华社发",
     {"city": "胡志明市", "country": "越南"}),
    ("a city whose name without 市 is that city drops it", "12月3日，在加拿大多伦多市，民众在街头排队。",
     {"city": "多伦多", "country": "加拿大"}),
    ("a capital named for its country and 城, after that country", "在科威特首都科威特城，民众在街头排队。新华社发",
     {"city": "科威特城", "country": "科威特"}),
    ("the same alone, a city the gazetteer knows", "民众在墨西哥城的街头排队。", {"city": "墨西哥城"}),
    ("a prefecture named as a province is (海南 of Qinghai) is no province",
     "5月3日，牧民在青海省海南藏族自治州同德县放牧。", {"province": "青海", "city": "同德县"}),
    ("the same, written short with 州", "5月3日，牧民在海南州同德县放牧。", {"province": None, "city": "同德县"}),
    ("a district of Hong Kong run into a village of its own: the village, in Hong Kong",
     "市民在元朗錦田村參觀圍村。（記者陳小明攝）", {"city": "香港", "sublocation": "錦田村"}),
    ("a bare name after a country that the gazetteer knows only as a town of another country is no city there "
     "(an organisation's name)", "韩国联合参谋本部5月3日公布，朝鲜又发射了导弹。", {"city": None}),
    ("a city of the country named stays", "5月3日，在韩国首尔，民众集会。", {"city": "首尔", "country": "韩国"}),
    ("a territory is the province, written whole, and the city it calls one follows",
     "12月8日，在加沙地带南部城市汗尤尼斯，民众排队领取食物。新华社发",
     {"province": "加沙地带", "city": "汗尤尼斯", "country": None}),
    ("a city called one after its country, though no table knows it, ending its clause",
     "12月8日，在乌克兰东部城市斯拉维扬斯克，民众排队。新华社发", {"city": "斯拉维扬斯克", "country": "乌克兰"}),
    ("a county after an autonomous prefecture, beginning with a linking character",
     "5月20日，在贵州省黔东南苗族侗族自治州从江县加榜乡，梯田景色如画。",
     {"city": "从江县", "province": "贵州", "sublocation": "加榜乡"}),
    ("a prefecture whose name holds a position character",
     "5月20日，游客在吉林省延边朝鲜族自治州延吉市游玩。", {"city": "延吉", "province": "吉林"}),
    ("a six-character region suffix", "5月20日，游客在新疆维吾尔自治区喀什地区喀什古城游览。",
     {"province": "新疆", "sublocation": "喀什古城"}),
    ("a 片区 is below the new area", "↑ 对比显示雄安新区容东片区的变化（5月1日摄）。",
     {"city": "雄安新区", "sublocation": "容东片区"}),
    ("a bare city right after its province", "11月3日，在西藏拉萨布达拉宫广场，游客拍照。",
     {"city": "拉萨", "province": "西藏", "sublocation": "布达拉宫广场"}),
    ("a district after a municipality, written bare", "9月3日，北京东城，两名记者站在文化中心观景平台上远眺。",
     {"city": "北京"}),
    ("a district written bare before a venue is part of its name", "11月3日，一架飞机在北京大兴国际机场起飞。",
     {"city": "北京", "sublocation": "大兴国际机场"}),
    ("a city with its suffix before 市民", "台北市民20日在大安森林公园赏花。（中央社记者张新明摄）",
     {"city": "台北", "sublocation": "大安森林公园"}),
    ("a market is no city",
     "夏天早市\n每到夏天清晨，逛早市已是许多居民的日常。图为近日，辽宁锦州凌河区的凌河早市，一片热闹景象。",
     {"city": "锦州", "province": "辽宁"}),
    ("a military district is no district", "1月初，新疆戈壁的气温跌至零下20摄氏度。新疆军区某团在雪野拉练。",
     {"province": "新疆", "city": None}),
    ("the photo's own sentence (图为) is the scene", "每到清晨，逛早市已是日常。图为福建省福州市的一处早市。",
     {"city": "福州", "province": "福建"}),
    ("a clause after a comma is no venue", "11月3日，在福建省福州市仓山区，志愿者清理河道。",
     {"city": "福州", "province": "福建", "sublocation": None}),
    ("a venue after a comma that begins a clause", "2020年9月16日，四川省越西县，大瑞苹果基地推行规模化管理。",
     {"city": "越西县", "sublocation": "大瑞苹果基地"}),
    ("the venue after a verb of passing", "当地时间5月20日，美国纽约，行人走过时报广场。",
     {"city": "纽约", "country": "美国", "sublocation": "时报广场"}),
    ("a venue's name ends before what people do there", "5月20日，市民在香港维多利亚公园参加年宵市场。",
     {"city": "香港", "sublocation": "维多利亚公园"}),
    ("a clause with a quantity is no venue",
     "新疆某摩托车有限公司已建起1.6万平方米标准化厂房。图为工人在测试摩托车。", {"sublocation": None}),
    ("站 as a verb is no station", "8月17日，赵小帅站在颁奖台上。", {"sublocation": None}),
    ("an event held in a city named like a mountain", "8月1日，第五届红色故事讲解大赛在韶山举办。",
     {"city": "韶山", "sublocation": None}),
    ("a quoted venue after a big city named mid-sentence",
     "十二月五日，当局坚持拆除台北“中正纪念堂”牌楼上的四字。", {"city": "台北", "sublocation": "中正纪念堂"}),
    ("中国 naming an institution is no country", "11月3日，工作人员在中国科学院植物研究所工作。",
     {"country": None, "sublocation": "中国科学院植物研究所"}),
    ("a country the gazetteer lacks", "5月1日，在俄罗斯莫斯科红场，人们参加活动。",
     {"city": "莫斯科", "country": "俄罗斯"}),
    ("a later sentence on the same day names the scene despite its year",
     "5月1日，中国选手在比赛中回球。当日，在沙特阿拉伯吉达举行的2025年大满贯比赛中，她获胜。",
     {"city": "吉达", "country": "沙特阿拉伯"}),
    ("a reference point is no scene", "5月1日，在距离北京200公里的地方，工人施工。", {"city": None}),
    ("an origin is no scene", "5月1日，来自广东的游客在西湖边拍照。", {"province": None, "sublocation": "西湖"}),
    ("a landmark with no venue word, before 一带", "5月1日，游客在北京什刹海一带游览。",
     {"city": "北京", "sublocation": "什刹海"}),
    ("a municipality before a district whose name begins with a venue word", "5月1日，市民在香港湾仔会展中心参观。",
     {"city": "香港", "country": None}),
    ("a town's name with the city's suffix after it", "5月1日，在景德镇市，游客参观。", {"city": "景德镇"}),
    ("a country's chain does not jump to a town", "5月1日，工人在中国石化镇海炼化公司作业。", {"city": None}),
    ("a linking character inside a venue's name", "6月5日，游人在北京颐和园游览。",
     {"city": "北京", "sublocation": "颐和园"}),
    ("a county seat is the county", "这是6月5日拍摄的贵州省黔东南苗族侗族自治州榕江县城（无人机照片）。",
     {"city": "榕江县", "province": "贵州", "sublocation": None}),
    ("a common noun is no venue", "颱風過後，花蓮縣秀林鄉道路坍方。（圖／花蓮縣消防局提供）",
     {"city": "秀林鄉", "province": "花蓮縣", "sublocation": None, "provider": "花蓮縣消防局"}),
    # (a Taiwan county and its township: the county the province, the township the city, as the sets label them)
    ("a short unit holding a linking character, right after its province",
     "9月17日，航拍安徽省无为市红庙镇山水村。", {"city": "无为", "province": "安徽", "sublocation": "山水村"}),
    ("a district beginning with a linking character, right after its city: the chain goes on through it",
     "5月1日，天津市和平区劝业场街道，市民在街头散步。", {"city": "天津", "sublocation": "劝业场街道"}),
    ("市 then a county that begins like 市长 (mayor)", "5月1日，在浙江省湖州市长兴县水口乡，茶农采茶。",
     {"city": "湖州", "province": "浙江", "sublocation": "水口乡"}),
    ("a mayor is no place", "5月1日，湖州市长在会上讲话。", {"city": None, "sublocation": None}),
    ("a province named inside a run of characters begins the chain",
     "渔民带着鱼鹰在漓江广西桂林市阳朔县段捕鱼（5月24日摄）。", {"city": "桂林", "province": "广西"}),
    ("a reference to a village (该村) is no village's name",
     "来到只乐镇塔庄村，由于该村地势低洼，收割机在水里抢收玉米。", {"sublocation": "塔庄村"}),
    ("a dash ends a venue's name", "8月23日晚，重庆知名景点——洪崖洞景区内游客如织。", {"sublocation": "洪崖洞景区"}),
    ("a clause after a comma that goes on past a linking word is no venue",
     "9月17日，航拍安徽省无为市红庙镇山水村，阡陌田园与整洁的村庄相映成景。", {"sublocation": "山水村"}),
    ("a district holding a linking character, after its city", "9月22日，在河北省邢台市南和区阎里乡，农民收玉米。",
     {"city": "邢台", "province": "河北", "sublocation": "阎里乡"}),
    ("a verb ending in a venue word ends no venue's name",
     "9月25日，小朋友在湘江公园的草地上玩耍。当日，哈尔滨市湘江公园正式开园迎客。",
     {"city": "哈尔滨", "sublocation": "湘江公园"}),
    ("the time of day after a date is skipped as words, not characters",
     "7月29日，中国香港选手许小恩在比赛结束后向观众致意。", {"sublocation": None}),
    ("a housing estate of Hong Kong (邨) is a venue", "居民昨日在華富邨排隊領取物資。（記者陳大文攝）",
     {"sublocation": "華富邨"}),
    ("a border crossing (口岸) is a venue", "12月20日，旅客在皇岗口岸排队通关。新华社记者 刘大伟 摄",
     {"sublocation": "皇岗口岸"}),
    ("a canal (渠) ends a venue's name, and 旗 inside it is no banner", "5月1日，游客在河南林州红旗渠参观。",
     {"sublocation": "红旗渠", "city": "林州", "province": "河南"}),
    ("a shrine (祠) is a venue", "5月1日，游客在山西太原晋祠参观。", {"sublocation": "晋祠", "city": "太原"}),
    ("a pedestrian zone (专用区) is a venue, never a district", "市民昨日在旺角行人專用區拍照。（記者陳大文攝）",
     {"sublocation": "行人專用區", "city": "香港"}),
    ("a day word inside a run of words begins no venue's name", "大批旅客昨日走過落馬洲口岸。（記者陳大文攝）",
     {"sublocation": "落馬洲口岸"}),
    ("a quantity (千亩) begins no venue's name: the village named before it is the place",
     "图为龙里县谷脚镇茶香村的千亩茶园一角。", {"sublocation": "茶香村", "city": "龙里县"}),
    ("在 before a verb says what people do, not where (摘山楂 is no mountain)",
     "10月8日，临沂市沂水县院东头镇桃棵子村的果农在摘山楂。", {"sublocation": "桃棵子村", "city": "临沂"}),
    ("在 before a verb: no venue at all", "9月2日，工人在做路面铺设。", {"sublocation": None}),
    ("a people's name ending as a town's does (东乡族) in an autonomous county",
     "5月4日，在甘肃东乡族自治县达板镇，农民种植土豆。", {"city": "东乡族自治县", "sublocation": "达板镇"}),
    ("a road's number begins its name", "5日，104国道石门桥段车流不断。", {"sublocation": "104国道石门桥"}),
    ("a reference point (X边的) before the venue named in a run of words",
     "近日，长江边的朝天门码头迎来大批游客，市民纷纷拍照。", {"sublocation": "朝天门码头"}),
    ("a management area (管理区) holding a word of position is a unit of the chain",
     "5月1日，在贵州省毕节市百里杜鹃管理区金坡乡，游客赏花。", {"city": "毕节", "sublocation": "金坡乡"}),
    ("a kind of zone with no name is no unit", "昨日，开发区城管中队队员在清理积雪。", {"city": None}),
    ("a city's zone right after it is a unit", "8月6日晚在长沙经开区拍下的厂房夜景。", {"city": "长沙"}),
    ("the places of an event's organisers are no scene",
     "当天，由湖南省摄影家协会和长沙市雨花区联合主办的摄影展开幕。", {"city": None, "sublocation": None}),
    ("a variant form of a character (硏) reads as its standard form, and the value keeps it as written",
     "5月1日，學生在甘肅省敦煌市敦煌硏究院參觀壁畫。", {"sublocation": "敦煌硏究院", "city": "敦煌"}),
    ("a named flat (坪) right after a unit, before 的", "12时，游客在兴义市纳灰坪的油菜花海中骑行。",
     {"city": "兴义", "sublocation": "纳灰坪"}),
    ("a one-character venue word right before a village's suffix is inside the village's name",
     "8月2日，航拍云南省元阳县新街镇黄草坪村的梯田。", {"sublocation": "黄草坪村", "city": "元阳县"}),
    ("a village ending in 山村 right after its town is a village, not 'a mountain village'",
     "10月2日，村民在四川省广元市旺苍县檬子乡青山村晒秋。", {"sublocation": "青山村", "city": "广元"}),
    ("a residents' committee (居委) is a village-level unit", "笃坪乡龙井居委，村民在晒辣椒。",
     {"sublocation": "龙井居委"}),
    ("a motorway's service area (服务区) is a venue, never a district",
     "10月3日，车辆在京港澳高速长沙服务区停靠。新华社记者 王小明 摄",
     {"sublocation": "京港澳高速长沙服务区", "city": None}),
    ("a glacier (冰川) is a venue", "10月3日，游客在云南德钦明永冰川游览。",
     {"sublocation": "明永冰川", "city": "德钦"}),
    ("a villa resort (山庄) is a venue", "市民昨日到元朗大棠荔枝山莊郊遊。（記者陳大文攝）",
     {"sublocation": "大棠荔枝山莊"}),
    ("common words ending as a pass does (海关, 有关) name no venue", "10月3日，海关工作人员在查验货物。",
     {"sublocation": None}),
    ("a town right under its province is the place named, no city", "10月3日，游客在浙江西塘镇游玩。",
     {"sublocation": "西塘镇", "city": None, "province": "浙江"}),
    ("a village the gazetteer knows, right under its province, is no city", "10月3日，游客在安徽宏村写生。",
     {"sublocation": "宏村", "city": None, "province": "安徽"}),
    ("an old town (古镇) is a venue, and a linking character after a bare city begins its name",
     "10月3日，游客在江苏苏州同里古镇游玩。", {"sublocation": "同里古镇", "city": "苏州", "province": "江苏"}),
    ("a linking character after 在 begins a venue's name", "10月3日，市民在和平公园晨练。",
     {"sublocation": "和平公园"}),
    ("places joined by 和 after 在 are still a list", "10月3日，游客在江苏苏州和无锡游玩。",
     {"sublocation": None, "city": None, "province": "江苏"}),
    ("buildings (楼宇) are no venue's end: the venue named with them is", "10月1日晚，外滩及黄浦江两岸楼宇亮起灯光。",
     {"sublocation": "外滩"}),
    ("a district whose name begins with its city-state's (香港仔) is the district, in Hong Kong",
     "市民昨日在香港仔漁港一帶遊覽。（記者陳大文攝）", {"city": "香港", "country": None}),
    ("a clause holding 了 is no unit's name (少了大都市); the city called a city before it is the scene's",
     "边境小城虎林，少了大都市的喧嚣，多了几分宁静。", {"city": "虎林"}),
    ("市 right before 镇 is inside a town's name (田市镇), not a city's suffix; the county before it is the city",
     "仙居田市镇李宅村口的古亭。记者 王小明 文/图", {"city": "仙居", "sublocation": "李宅村"}),
    ("and the town's whole name after 市 reads as a town", "5月3日，村民在田市镇赶集。",
     {"city": None, "sublocation": "田市镇"}),
    ("a chain never climbs from a village (升旗 is no banner)", "昨日，选手在奥运村举行升旗仪式后合影。",
     {"city": None, "sublocation": "奥运村"}),
    ("a place after 将在 is where something will be, not the photo's",
     "首批队员前晚已启程。港队将在当地时间4日下午4时在奥运村举行升旗仪式。 王小明 摄", {"sublocation": None}),
    ("a place after 以往在 is where something was, not the photo's",
     "七人榄球赛今届首次移师启德体育园主场馆，不同于以往在香港大球场，球迷先在场外排队。",
     {"sublocation": "启德体育园主场馆"}),
    ("a general's rank (上将) is no future", "5月1日，美国上将在首尔与韩国官员会面。", {"city": "首尔"}),
    ("a line that says what the photo shows is the caption, not a headline, full stop or not",
     "图为日喀则市江孜县紫金乡的秋收场面\n摄影：王小明\n金秋时节，西藏各地的青稞陆续成熟。",
     {"city": "日喀则", "sublocation": "紫金乡"}),
    ("roadsides and alleys (路边巷口) are no venue: the place of the photo's own sentence is",
     "田间地头、路边巷口，随处可见收购点。 陕西省咸阳市礼泉县骏马镇的果农正在采收苹果（王小明 摄）",
     {"city": "咸阳", "sublocation": "骏马镇"}),
    ("a demonstration zone (示范区) is a venue, never a district", "吉林省公主岭市现代农业示范区(无人机照片)。",
     {"city": "公主岭", "sublocation": "现代农业示范区"}),
    ("a quoted nickname before a dash is no venue: the dash names the place",
     "“最美公交站”——大连市西南路黄河桥站，市民候车。", {"city": "大连", "sublocation": "西南路黄河桥站"}),
    ("an unnamed garden in the dated sentence: the site the context sentence names",
     "近日，云南省普洱市景迈山片区的茶叶到了采收季。 茶农在茶园里忙着采秋茶（9月2日摄）。新华网发（王小明 摄）",
     {"city": "普洱", "sublocation": "景迈山片区"}),
    ("一路 (all the way) ends no road's name", "我习惯把相机斜背，从火车站附近一路走，看个究竟。",
     {"sublocation": None}),
    ("a gallery's heading: country · city, then a slash",
     "January 12, 2026 中国 · 成都 / 市民在公园里赏梅。摄影师：王小明",
     {"country": "中国", "city": "成都"}),
    ("a city's name before 国际 and a venue word is the venue's own name, no city (Nanchang Railway Station)",
     "10月3日，旅客在成都国际机场候机。新华社记者 王小明 摄", {"sublocation": "成都国际机场", "city": None}),
    ("a city's name before a direction and 站 is a station's name", "10月3日，旅客在南京南站候车。",
     {"sublocation": "南京南站", "city": None}),
    ("市立 after a city: a municipal venue's name", "新竹市立動物園今天重新開放。（中央社記者王小明攝）",
     {"sublocation": "新竹市立動物園", "city": None}),
    ("a direction before a one-character natural venue word is the venue's own (杭州西湖 stays the city's lake)",
     "10月3日，游客在杭州西湖泛舟。", {"sublocation": "西湖", "city": "杭州"}),
    ("a city in an event's name is no place of the photo (the contract's 'Tokyo Olympics')",
     "9月20日，选手在杭州亚运会游泳比赛中出发。新华社记者 王小明 摄", {"city": None}),
    ("the event's city written as the place it is held in still counts",
     "9月20日，选手在比赛中。当日，青岛国际啤酒节在山东青岛开幕。", {"city": "青岛", "province": "山东"}),
    ("an event's edition (第十九届) begins no venue's name",
     "9月20日，演员在第十九届中国吴桥国际杂技艺术节开幕式上表演。", {"sublocation": None}),
    ("pinyin a mirror's converter left after characters is read past: the place and the credit",
     "4月16日，小朋友在山東省青島市嶗山區(qū)沙子口街道(dào)海濱路賞花。新華社發(fā)(王小鷹攝)",
     {"city": "青島", "sublocation": "海濱路", "photographer": "王小鷹", "agency": "Xinhua"}),
    ("a town's village later in the sentence of a city with no venue is the site",
     "2019年5月,浙江湖州,多年来,埭溪镇上强村一直保留着舞龙的习俗。", {"city": "湖州", "sublocation": "上强村"}),
    ("a port a ship left (驶出) is no scene; where it stops is",
     "日本大阪港驶出的一艘渡轮,停靠在韩国釜山港。", {"sublocation": "釜山港", "country": "韩国"}),
    ("a village's culture square, unnamed, is no venue", "秋收时节，乡村文化广场成了晒粮场。", {"sublocation": None}),
    ("the villagers' own square, unnamed: their village is the site, no people's words read as a village",
     "图为浙江省安吉县余村村民在村文化广场排练。", {"sublocation": "余村", "city": "安吉县"}),
    ("a village's own service centre (党群服务中心), unnamed: the village is the site",
     "3月5日,在云溪村党群服务中心,村干部为村民讲解政策。", {"sublocation": "云溪村"}),
    ("the same for a station of its civic work (新时代文明实践站)",
     "3月5日,在云溪村新时代文明实践站,志愿者为村民理发。", {"sublocation": "云溪村"}),
    ("and one with no village before it names no site", "3月5日,在党群服务中心,村干部为村民讲解政策。",
     {"sublocation": None}),
    ("a venue's section named by a direction and 区 is no district (公园东区)", "5月3日，游客在世纪公园东区赏花。",
     {"city": None, "sublocation": "世纪公园"}),
    ("a district whose name is a direction and 区 after a street's word stays one (唐山路南区)",
     "5月3日，河北唐山路南区的居民在公园锻炼。", {"city": "唐山", "province": "河北"}),
    ("an autonomous county whose people's name holds a venue word (塔吉克), its first character one too (塔)",
     "5月3日，在新疆塔什库尔干塔吉克自治县某某乡，牧民转场。",
     {"province": "新疆", "city": "塔什库尔干塔吉克自治县"}),
    ("a word's syllables of pinyin run together in one pair of brackets are read past too",
     "6月2日，重庆市(chóngqìngshì)巫溪县宁河镇举办龙舟赛。记者 王小明 摄影报道(bàodào)",
     {"city": "重庆", "sublocation": "宁河镇", "photographer": "王小明"}),
    ("another name of the place just named (古称, 又名) is no venue: the name written first is (古渡, places.venue)",
     "东关古渡：古称东门渡口，如今游人如织。", {"sublocation": "东关古渡"}),
    ("hillsides and wilds (山坡, 山野) are no mountain's name", "5月3日，野花开满山坡。", {"sublocation": None}),
    ("a famous home of overseas Chinese (著名侨乡) is a kind of city, then its name",
     "5月3日，华侨在福建著名侨乡晋江参观古厝。", {"sublocation": None, "city": "晋江", "province": "福建"}),
    ("near (附近) a town the gazetteer knows is no site of it",
     "这是6月5日在美国加利福尼亚州洛杉矶县帕萨迪纳附近拍到的山火。", {"sublocation": None}),
    ("a numbered school is named by the unit before it, which stays the city",
     "9月1日，学生在湖南省浏阳市第三中学上课。", {"sublocation": "浏阳市第三中学", "city": "浏阳", "province": "湖南"}),
    ("inside (里) a venue, a one-character venue word begins what is in it, no longer name",
     "5月3日，市民在莲花公园里湖边赏花。", {"sublocation": "莲花公园"}),
    ("a city the caption calls one, then 的 and a site counted in it",
     "5月3日，一名游客在美国俄勒冈州东部小城约瑟夫的一家咖啡馆里用餐。新华社记者 王小明 摄",
     {"city": "约瑟夫", "province": "俄勒冈州", "country": "美国"}),
    ("the word calling a place a city (小城) is no city's name", "5月3日，游客在浙江小城漫步。",
     {"city": None, "province": "浙江"}),
    ("a spam mirror's 东说念主 for every 人: the outlet read as 人民网, the place kept as published",
     "5月3日，游客在成都东说念主民公园喝茶。东说念主民网记者 王小明摄",
     {"agency": "People's Daily Online", "photographer": "王小明", "sublocation": "东说念主民公园"}),
    ("a place with a mirror's pinyin inside it is kept as the page writes it",
     "6月2日，在肯尼亞(yà)首都內(nèi)羅畢，市民在街頭散步。新華社記者 王小明 攝",
     {"city": "內(nèi)羅畢", "country": "肯尼亞(yà)"}),
    ("a metropolis paper (都市报) is no city",
     "江汉路步行街人潮涌动 摄影:楚天都市报记者王小岗\n4月4日,武汉江汉路步行街人气火爆。",
     {"city": "武汉"}),
    ("a street named after a place (香港路) is a street, no country", "4月9日，在香港路，市民在理发店排队。",
     {"sublocation": "香港路", "country": None, "city": None}),
    ("the streets (街头) of a city-state stay its city", "4月9日，在香港街头，市民游行。", {"city": "香港"}),
    ("units written apart with spaces are one chain", "10月2日，在浙江 宁波 天一阁，游客参观藏书楼。",
     {"province": "浙江", "city": "宁波", "sublocation": "天一阁"}),
    ("units with their suffixes written apart, traditional script",
     "10月2日 在 廣東省 佛山市 祖廟 ，市民觀看醒獅表演。",
     {"province": "廣東", "city": "佛山", "sublocation": "祖廟"}),
    ("a name already read after a space begins a venue's, no second unit",
     "10月2日，台中 西屯區 台中國家歌劇院外，民眾排隊。",
     {"city": "台中", "sublocation": "台中國家歌劇院"}),
    ("a unit whose name holds a lower suffix is one unit (九寨沟县 is no village 九寨)",
     "8月8日，在四川省阿坝藏族羌族自治州九寨沟县，游客在景区游览。", {"city": "九寨沟县", "province": "四川"}),
    ("a town whose name holds a village's suffix", "5月1日，在广东省佛山市南海区沙村镇，工人施工。",
     {"city": "佛山", "sublocation": "沙村镇"}),
    ("the last of a list of places is no scene", "24日，候选人前往大安、文山区进行车队扫街。",
     {"city": None, "sublocation": None}),
    ("a capital between its country and its name", "4月10日，在俄罗斯首都莫斯科，民众参加活动。",
     {"city": "莫斯科", "country": "俄罗斯"}),
    ("a provincial capital after its province", "4月10日，在江苏省会南京，市民赏花。",
     {"city": "南京", "province": "江苏"}),
    ("a stretch of a river in a city, then its venue", "长江重庆万州段的白鹤石上，留有历代诗文题刻。王小军摄",
     {"city": "重庆", "sublocation": "白鹤石"}),
    ("a venue named before a list of places", "建设中的江海长江大桥把江苏常州和泰州两市连在一起。曹小政摄",
     {"city": None, "province": "江苏", "sublocation": "江海长江大桥"}),
    ("a province's suffix before a mountain that begins like 省长 (governor)",
     "4月10日，在吉林省长白山天池，游客观景。", {"province": "吉林", "sublocation": "长白山天池"}),
    # (the name runs to its last venue word, 池, as 酒泉卫星发射中心问天阁 does: scored by containment, 长白山 matches)
    ("the first venue after 在, not a later one",
     "3月5日上午，全国人民代表大会第二次会议在人民大会堂开幕，记者在会议间隙抓拍大会堂各处。",
     {"sublocation": "人民大会堂"}),
    ("a Hong Kong district written bare: the city is Hong Kong, the district the place",
     "10月3日，游客在旺角街头购物。新华社记者 李小刚 摄", {"city": "香港", "sublocation": "旺角"}),
    ("the most specific of a city-state's districts", "10月3日，在香港九龍尖沙咀，市民觀看煙花。新華社記者 李小剛 攝",
     {"city": "香港", "sublocation": "尖沙咀", "province": None}),
    ("a region of Hong Kong, then its district", "10月3日，在新界元朗，市民观看烟花。",
     {"city": "香港", "sublocation": "元朗"}),
    ("a Macao district written bare, in traditional characters", "10月3日，在氹仔，市民觀看煙花。",
     {"city": "澳門", "sublocation": "氹仔"}),
    ("a district with its suffix is no city of its own", "10月3日，在元朗區，市民觀看煙花。",
     {"city": "香港", "sublocation": "元朗區"}),
    ("a quoted landmark after 在, with a word of position", "10月3日，游客在“鸟巢”前合影留念。",
     {"sublocation": "鸟巢", "city": None}),
    ("a quoted landmark after its city", "10月3日，游客在北京“水立方”参观。",
     {"sublocation": "水立方", "city": "北京"}),
    ("a quoted landmark the photo shows", "这是10月3日拍摄的“中国天眼”全景。", {"sublocation": "中国天眼"}),
    ("a quoted slogan after 在 is no place", "10月3日，学生在“双减”中受益。", {"sublocation": None}),
    ("a river, then the city of its stretch", "10月3日，在长江南京段，货轮往来穿梭。",
     {"sublocation": "长江", "city": "南京"}),
    ("a river's stretch in a city, then a venue on it", "10月3日，在黄河兰州段的中山桥上，市民散步。",
     {"sublocation": "中山桥", "city": "兰州"}),
    ("a linking character inside a venue's name", "官兵在内蒙古朱日和训练基地准备参加阅兵(2017年7月30日)。",
     {"sublocation": "朱日和训练基地", "province": "内蒙古"}),
    ("two venues joined by 和 stay apart", "10月3日，游客在公园和广场上散步。", {"sublocation": None}),
    ("a venue after a verb of visiting", "2021年1月31日武汉，调查人员走访花园海鲜市场。",
     {"city": "武汉", "sublocation": "花园海鲜市场"}),
    ("the streets of a city are no street's name", "2月16日，在浙江温州街头，路人在雾中穿行。",
     {"city": "温州", "province": "浙江", "sublocation": None}),
    ("a bare city before 街头, in traditional characters", "1月28日，一位市民行走在蘭州街頭。",
     {"city": "蘭州", "sublocation": None}),
    ("a word ending in 旗 before a village's suffix is the village's name", "7月13日，遭洪水围困的江西省永修县红星村。",
     {"city": "永修县", "province": "江西", "sublocation": "红星村"}),
    ("a banner of Inner Mongolia is still a unit", "10月3日，在内蒙古锡林郭勒盟正蓝旗，牧民放牧。",
     {"city": "正蓝旗", "province": "内蒙古"}),
    ("a municipality's name inside an organisation's is no city", "国网天津市东供电公司的工作人员在河西区检修设备。",
     {"city": "河西区"}),
    ("a market (街市) after a municipality is a venue, not a city", "夜色中的重庆洪崖街市。",
     {"city": "重庆", "sublocation": "洪崖街市"}),
    ("the venue a sentence opens with, when a city is named later in it", "▲ 世纪大道被视为上海的名片，贯穿浦东。",
     {"city": "上海", "sublocation": "世纪大道"}),
    ("a team named after a place is no scene",
     "1月9日，山东鲁能队球员在颁奖仪式上庆祝。当日，在四川成都举行的决赛中，山东鲁能队获胜。",
     {"city": "成都", "province": "四川", "sublocation": None}),
    ("the venue a verb of passing leads to, not the sentence's subject",
     "8月4日，钱塘江大潮涌过海宁盐官观潮公园一带。", {"sublocation": "海宁盐官观潮公园"}),
    ("a place joined to another name by a hyphen names something else",
     "中国-东盟博览会是经贸盛会；下图为东盟商务区的日出", {"country": None, "sublocation": "东盟商务区"}),
    ("a bare city, a number, a venue word: one venue's name", "平时拥挤的台中101大楼周遭，如今行人稀少。",
     {"city": None, "sublocation": "台中101大楼"}),
    ("a place right after the date, where a credit was cut out", "连侬墙被撕毁\n\n摄影者不详,9月26日青衣。",
     {"city": "香港", "sublocation": "青衣"}),
    ("a venue opening the clause after the city's", "日落景观今天在高雄上演，中山路的天桥上挤满拍照的民众。",
     {"city": "高雄", "sublocation": "中山路"}),
    ("a mixed caption whose English part names only the country: the Chinese part's site",
     "玉龙雪山，中国西南部 Jade Dragon Snow Mountain in southwest China, peaks under snow (© someone/Example)",
     {"sublocation": "玉龙雪山", "country": "China"}),
    ("a big city whose name ends in a word of position (台中, 汉中)", "10月3日，在汉中，市民观看演出。",
     {"city": "汉中"}),
    ("a Taiwan county written bare, from the word list", "10月3日，在花蓮，民眾觀看煙火。", {"city": "花蓮"}),
    ("a building counted is no venue's name", "4月3日，强震过后，一栋大楼倾斜。", {"sublocation": None}),
    ("a time of day is no venue's name, whatever word it ends in", "图为昨天上午八时上班尖峰时刻，列车上空空荡荡。",
     {"sublocation": None}),
    ("a Chinese city's bare name before a short venue stays the city (a foreign namesake's would not)",
     "图为兴义万峰林油菜花海，是较早盛开的花海。", {"city": "兴义"}),
    ("waterfalls and scenic areas are venues", "黄果树风景名胜区里的陡坡塘瀑布。新华社记者施小贵 摄",
     {"sublocation": "黄果树风景名胜区"}),
    ("a tree-lined avenue is a venue", "中央林荫道的建筑工地因疫情停摆，野草爬满空地。", {"sublocation": "中央林荫道"}),
    ("a country after a verb of visiting, then its venue", "1月8日，游客乘船游览泰国安帕瓦水上市场。",
     {"country": "泰国", "sublocation": "安帕瓦水上市场"}),
    # venues the chain did not reach, scored (catalog/captions/chinese_venues.py)
    ("a venue that a later clause opens and the next sentence names again",
     "3月2日，云南大理，春雨过后的苍山云雾缭绕，崇圣寺三塔倒映水中。崇圣寺三塔建于唐代。",
     {"city": "大理", "province": "云南", "sublocation": "崇圣寺三塔"}),
    ("a venue after a phrase of reference and 的", "5月1日，甘肃张掖，距离市区约40公里的七彩丹霞景区，游人如织。",
     {"city": "张掖", "sublocation": "七彩丹霞景区"}),
    ("a venue after a dateline sentence, led to by a verb of passing, not the part of it after 的",
     "伦敦，3 月 8 日。一名跑者穿过海德公园的林荫小道，气温只有 2 度。",
     {"city": "伦敦", "sublocation": "海德公园"}),
    ("a kind of place, quoted, after 一处, is no venue's name",
     "这是杭州市拱墅区的一处“口袋公园”(6月3日摄)。近年来,杭州利用边角地建起多座“口袋公园”。",
     {"city": "杭州", "sublocation": None}),
    ("a venue named later in the scene beats the district of the chain",
     "2023年6月5日，上海市徐汇区，曾经人声鼎沸的美罗城商场里，一排店铺已经关门。",
     {"city": "上海", "sublocation": "美罗城商场"}),
    ("a city's bare name that begins a university's name is the name's, not the scene's city",
     "9月1日，上海交通大学的新生在图书馆前合影。", {"city": None, "sublocation": "上海交通大学"}),
    ("a municipality with its suffix before a university stays the city", "9月1日，在上海市复旦大学，新生报到。",
     {"city": "上海", "sublocation": "复旦大学"}),
    ("a city's bare name before a landmark stays the city", "9月1日，北京故宫游人如织。",
     {"city": "北京", "sublocation": "故宫"}),
    ("a county-level city after a prefecture (地区), whatever its last characters spell",
     "9月1日，在新疆阿克苏地区库车市，农民采摘棉花。", {"city": "库车", "province": "新疆"}),
    ("the 图为 sentence is the scene, wherever it starts",
     "今年以来，罗山县整治村容村貌。图为罗山县彭新镇刘湾村一角，干净整洁。 本报记者 王 明 摄",
     {"city": "罗山县", "sublocation": "刘湾村"}),
    ("a 图为 line naming only a venue takes its city from the context line",
     "初秋时节，峄城区榴园镇的石榴陆续成熟。\n图为:9月12日,在万福家庭农场,农民采摘石榴。\n(王小军 摄)",
     {"city": "峄城区", "sublocation": "万福家庭农场"}),
    ("a credit line is no context line: its place is the source's",
     "夏季，查干湖湿地步道绿意盎然。\n图片由吉林省松原市宣传部提供。", {"city": None}),
    ("a town whose name begins with 城, right after its county", "群山环抱的岷县城关镇王家村。",
     {"city": "岷县", "sublocation": "王家村"}),
    ("the scene's venue written longer in the next sentence still brings its chain",
     "游客在九皇山景区的栈道上游览(10月2日摄)。国庆假期,位于四川省北川县的九皇山国家级风景名胜区游人如织。",
     {"sublocation": "九皇山景区", "city": "北川县", "province": "四川"}),
    ("a verb of visiting is no part of the city's name", "市长9月19日到访泉州市开元寺，听取讲解。",
     {"city": "泉州", "sublocation": "开元寺"}),
    ("an everyday phrase for streets is no venue", "在东风路幸福社区的大街小巷，志愿者清扫落叶。",
     {"sublocation": "东风路幸福社区"}),
    ("a seaside (海滨) is a venue word", "在北竿海滨展出的装置艺术（摄影：陈小华)", {"sublocation": "北竿海滨"}),
    ("a dateline: a city of any size written alone before the date", "华盛顿,3 月 2 日,总统在白宫会见议员。",
     {"city": "华盛顿", "sublocation": "白宫"}),
    ("no dateline: a word before the date that names no city", "开幕式,3月2日,运动员入场。", {"city": None}),
    ("a year before the comma is no quantity inside the venue's name", "2016年,宁夏腾格里沙漠。",
     {"province": "宁夏", "sublocation": "腾格里沙漠"}),
    ("a clause that ends in a venue word is no venue's name", "新华社和几家银行也登上了中心的广告牌,格外醒目。",
     {"sublocation": None}),
    ("a scene chain with nothing venue-like after it keeps no venue",
     "11月6日，四川成都，市民在街头散步，享受冬日暖阳。", {"city": "成都", "sublocation": None}),
    ("馆 alone ends a venue's name (a science hall, a guild hall)", "5月3日，居民在江苏省南京市科学馆前赏月。",
     {"sublocation": "科学馆", "city": "南京"}),
    ("埠 ends a quarter's name (a Chinatown)", "1月15日，舞狮队在美国旧金山华埠拜年。",
     {"sublocation": "华埠", "city": "旧金山"}),
    ("a route from one city to another: the city is one end of it, not the scene",
     "山东济南至泰安高速公路定于10月27日正式通车。", {"city": None, "province": "山东"}),
    ("the main venue (主场馆) names no venue", "11月8日晚，运动会开幕式彩排，主场馆灯光璀璨。",
     {"sublocation": None}),
    ("places inside an association's name are no scene", "澳门福州同乡会与居民联盟举行座谈会。",
     {"city": None, "province": None, "sublocation": None}),
    ("a chamber of commerce (商会) is no unit", "香港广东商会与市民联盟举行新春酒会。",
     {"city": None, "province": None}),
    ("溪 ends a stream's name, 畔 after it is a word of position", "6月13日,在福建莆田兰溪畔举行龙舟赛。",
     {"sublocation": "兰溪", "city": "莆田"}),
    ("坊 ends a quarter's name", "市民晚上到香港兰桂坊一带庆祝节日。", {"sublocation": "兰桂坊"}),
    ("a quoted name before an event's word is the event's title, not the venue",
     "12月3日,江南校区图书馆举办的“我和我的书馆”摄影大赛揭晓。", {"sublocation": "江南校区图书馆"}),
    ("a city written bare, then again with its suffix after a comma, is one city",
     "山东临沂,临沂市博物馆里,观众参观展览。", {"city": "临沂", "province": "山东"}),
    ("a province and a city of one name stay two levels", "吉林省吉林市,市民在江边散步。",
     {"city": "吉林", "province": "吉林"}),
    ("an unnamed orchard (果园) after the chain's village: the village is the place named",
     "湖南省长沙县开慧镇板仓村的农民在果园里摘桃。", {"sublocation": "板仓村", "city": "长沙县"}),
    ("a two-character garden right after the chain is a name (豫园)", "游客在江苏苏州周庄镇豫园游览。",
     {"sublocation": "豫园"}),
    ("a venue that is a reference point (对面): the venue named after it is the scene",
     "游客在北京故宫对面的景山公园赏花。", {"sublocation": "景山公园", "city": "北京"}),
    ("picking fruit (采摘) is what people do, no venue's name", "9月19日,山东省枣庄市峄城区榴园镇,果农在采摘石榴。",
     {"sublocation": "榴园镇", "city": "枣庄"}),
    ("a town's village inside a clause with no place word: the village, and a county's bare name before the town",
     "记者用无人机拍下绵竹汉旺镇清平村的秋色。", {"sublocation": "清平村", "city": "绵竹"}),
    ("a town and a village that are only words (美丽乡村) are no pair",
     "村民们在田间劳作,建设美丽乡村振兴产业。", {"sublocation": None}),
    ("a province right after a city begins a venue's name: a chain never climbs",
     "5月18日,观众在南京江苏省美术馆参观展览。", {"sublocation": "江苏省美术馆", "city": "南京", "province": None}),
    ("a city, then a museum named after its province with no suffix",
     "5月18日,观众在郑州河南博物院参观。", {"sublocation": "河南博物院", "city": "郑州"}),
    ("a city, then a university named after its province: the city stays the chain's",
     "学生们在长沙湖南大学的草坪上合影。", {"sublocation": "湖南大学", "city": "长沙"}),
    ("a county written bare between its province and a town: the gazetteer's county names (in letters) anchor it",
     "5月12日,四川汶川映秀镇,人们在纪念馆前献花。", {"sublocation": "映秀镇", "city": "汶川", "province": "四川"}),
    ("a county written bare after its province, then a venue with no place word",
     "7月7日,山东曲阜孔庙游人如织。", {"sublocation": "孔庙", "city": "曲阜", "province": "山东"}),
    ("a county-level city with a reading of many (什 shi or shen) after its province, then its town",
     "四川什邡蓥华镇雪后银装素裹。", {"sublocation": "蓥华镇", "city": "什邡", "province": "四川"}),
    ("a county written bare after the province that holds it", "江苏兴化红旗镇,村民晒秋。",
     {"city": "兴化", "sublocation": "红旗镇"}),
    ("a day and an event's verb after a venue begin a clause: the name ends at its first venue word",
     "香港維多利亞公園今日舉行年宵市場,市民選購花卉。", {"sublocation": "維多利亞公園", "city": "香港"}),
    ("a province with its suffix, then a venue word alone: the province names the venue",
     "5月18日,观众在湖南省博物馆参观。", {"sublocation": "湖南省博物馆", "province": None}),
    ("a city with its suffix names its library", "读者在杭州市图书馆里看书。",
     {"sublocation": "杭州市图书馆", "city": None}),
    ("a city, then a longer name whose first character is a venue word (江 of 江汉路): the city is the chain's",
     "2月14日,市民在武汉江汉路步行街购物。", {"sublocation": "江汉路步行街", "city": "武汉"}),
    ("the same after a province (洞 of 洞庭湖)", "航拍下的湖南岳阳洞庭湖。",
     {"sublocation": "洞庭湖", "city": "岳阳", "province": "湖南"}),
    ("a city's port is named by the city (唐山港): no city read out of it", "货轮停靠在唐山港曹妃甸港区。",
     {"city": None}),
    ("a mountain named like its county (长白山 of 长白) stays the mountain's name", "游客在吉林长白山天池观景。",
     {"city": None}),
    ("a bay's park (深圳湾公园): no character between the venue words, one name", "市民在深圳湾公园散步。",
     {"sublocation": "深圳湾公园"}),
    ("a district of a city-state names its park: the park is the place, the city-state the city",
     "市民在九龍公園內晨運。", {"sublocation": "九龍公園", "city": "香港"}),
    ("a wire dateline's city, then a venue after 在 in the scene: the venue is scored as one after a place word",
     "新华社北京10月1日电 10月1日,游客在天安门广场观看升旗仪式。", {"sublocation": "天安门广场"}),
    ("a linking character that begins a word (同 of 同胞) cuts no name: not 胞纪念馆, the whole name the venue "
     "register knows", "12月13日,公祭仪式在侵华日军南京大屠杀遇难同胞纪念馆举行。",
     {"sublocation": "侵华日军南京大屠杀遇难同胞纪念馆"}),
    ("a temple fair (庙会) is an event, no temple's name", "2月5日,人们在北京地坛庙会上观看表演。",
     {"sublocation": None, "city": "北京"}),
    ("街区 ends a quarter's name whole", "10月3日,江苏苏州平江历史街区人头攒动。",
     {"sublocation": "平江历史街区", "city": "苏州"}),
    ("中 after 市 begins a name before a venue word (中正, 中山), not \"in the city\"",
     "民眾今天在台北市中正紀念堂廣場參加升旗典禮。", {"sublocation": "中正紀念堂廣場", "city": "台北"}),
    ("the same in simplified script", "市民在杭州市中山公园散步。", {"sublocation": "中山公园", "city": "杭州"}),
    ("a district named 市中区 stays a district", "市中区齐村镇农民在收获谷子。", {"city": "市中区"}),
    ("a linking character that opens the sentence is a name's first character: no cut name after it",
     "將軍台海濱長廊今日有市民緩跑。", {"sublocation": None}),
    ("(a district the word lists know is read whole, whatever character it opens with)",
     "將軍澳海濱長廊今日有市民緩跑。", {"sublocation": "海濱長廊", "city": "香港"}),
    ("屿 ends an islet's name", "3月3日,在福建厦门鼓浪屿,游客漫步。", {"sublocation": "鼓浪屿", "city": "厦门"}),
    ("池 ends a lake's name, 边 after it is a word of position", "6月6日,云南昆明滇池边,红嘴鸥飞翔。",
     {"sublocation": "滇池", "city": "昆明"}),
    ("泉 ends a spring's name", "游客在济南趵突泉游览。", {"sublocation": "趵突泉", "city": "济南"}),
    ("茶场 ends a venue's name", "大理白族自治州南涧彝族自治县无量山茶场春茶开采。",
     {"sublocation": "无量山茶场", "city": "南涧彝族自治县"}),
    ("a bare city that is a whole clause, after the date: a smaller city than a bare name elsewhere needs",
     "10月14日，拉萨，市民在广场上晒太阳。", {"city": "拉萨", "sublocation": None}),
    ("the same after 在", "10月14日，在敦煌，游客骑骆驼。", {"city": "敦煌"}),
    ("a county-level city of three characters the gazetteer knows only in letters, as a whole clause",
     "10月14日，都江堰，游客在江边散步。", {"city": "都江堰"}),
    ("a whole clause ending in a venue word is the venue, not a city of that name",
     "10月14日，在西湖，游客泛舟。", {"city": None, "sublocation": "西湖"}),
    ("a bare city right before a venue's own name: the city, then the venue (拉萨 is too small to be read bare "
     "elsewhere)", "10月14日，游客在拉萨布达拉宫参观。", {"city": "拉萨", "sublocation": "布达拉宫"}),
    ("a city the gazetteer names only with 市 (大同市), written bare before a venue",
     "10月14日，游客在大同云冈石窟参观。", {"city": "大同", "sublocation": "云冈石窟"}),
    ("the same as a whole clause", "10月14日，江阴，市民在广场上跳舞。", {"city": "江阴"}),
    ("a venue word that begins a longer name does not hide the city", "10月14日，游客在岳阳洞庭湖游玩。",
     {"city": "岳阳", "sublocation": "洞庭湖"}),
    ("a city only inside a venue's name stays the venue's", "10月14日，游客在岳阳楼参观。",
     {"city": None, "sublocation": "岳阳楼"}),
    ("a name the gazetteer knows only with 市 that begins a famous venue's name: the venue whole",
     "10月14日，游客在东方明珠塔参观。", {"city": None, "sublocation": "东方明珠塔"}),
    ("a venue's own name of one character after a small city's: no cut", "9月18日，在联合国总部，人们参观展览。",
     {"city": None, "sublocation": "联合国总部"}),
    ("a name that goes on with a number is one name", "10月14日，三峡五级船闸，船舶通行。", {"city": None}),
    ("a big city the gazetteer names only with 市, after 在 and before its streets", "10月14日，市民在大同街头散步。",
     {"city": "大同"}),
    ("the same before what happens there", "10月14日，在岳阳举行龙舟赛。", {"city": "岳阳"}),
    ("a name that only another country's city bears with 市 (天安市, Korea's) is no bare city of China",
     "10月14日，游客在天安门广场参观。", {"city": None, "sublocation": "天安门广场"}),
    ("a bare city right after the date's 日, then a comma, is a whole clause", "2021年1月31日拉萨，游客参观。",
     {"city": "拉萨"}),
    ("鸟瞰 (a bird's-eye view of) is a verb a place follows, not the start of a village's name",
     "鸟瞰青枫村(无人机照片,2023年8月1日摄)。", {"sublocation": "青枫村"}),
    ("a paper's dateline names the city when the scene names no place", "本报兰州讯 10月14日，市民在街头散步。",
     {"city": "兰州", "sublocation": None}),
    ("a wire's dateline with its day, the same", "新华社拉萨10月14日电 10月14日，市民在街头晒太阳。",
     {"city": "拉萨"}),
    ("a venue named in the scene leaves the dateline's city out: a bureau files from its capital",
     "新华社兰州10月14日电 游客在鸣沙山游玩。", {"city": None, "sublocation": "鸣沙山"}),
    ("an everyday word that reads as some county is no city, even as a whole clause",
     "10月14日，但是，市民在广场上晒太阳。", {"city": None}),
    ("where a train goes is no scene", "5月1日，一列开往重庆的列车驶过一座大桥。", {"city": None, "province": None}),
    ("a destination after a verb of flying is no scene", "5月1日，一架飞往广州的航班在跑道上滑行。", {"city": None}),
    ("a village's suffix inside a scenic area's name (九寨沟) is no village",
     "5月1日，游客在四川阿坝州九寨沟风景区游览。", {"sublocation": "九寨沟风景区", "province": "四川"}),
    ("the same with no chain before it", "5月1日，游客在九寨沟风景区游览。", {"sublocation": "九寨沟风景区"}),
    ("a county of the province just named, whose name holds a village's suffix, is no village",
     "5月1日，游客在四川九寨沟游览。", {"city": "九寨沟", "province": "四川"}),
    ("a village of one character after a county written bare, after its province",
     "5月1日，游客在浙江安吉余村参观。", {"city": "安吉", "sublocation": "余村", "province": "浙江"}),
    ("a village of one character after its county stays a village", "5月1日，游客在婺源县王村游览。",
     {"city": "婺源县", "sublocation": "王村"}),
    ("a zone of a city written bare before it (高新区): the city, and the zone below it",
     "5月1日，在合肥高新区，工人在生产线上作业。", {"city": "合肥", "sublocation": "高新区"}),
    ("a prefecture (地区) written whole is no county and a bare suffix", "5月1日，在新疆喀什地区，农民采摘棉花。",
     {"city": "喀什地区", "province": "新疆"}),
    ("an industrial park (产业园区) ends its name whole, after its city", "5月1日，工人在昆山高新技术产业园区作业。",
     {"sublocation": "高新技术产业园区", "city": "昆山"}),
    ("a tourist area (旅游区) ends the name, past the avenue word inside it",
     "5月1日，在天津市和平区五大道文化旅游区，游客乘坐马车。", {"city": "天津", "sublocation": "五大道文化旅游区"}),
    ("a science city (科学城) is a venue's name", "5月1日，在上海市浦东新区张江科学城，工人作业。",
     {"city": "上海", "sublocation": "张江科学城"}),
    ("同 right after a district begins the venue's name (同里古镇), not a link",
     "5月1日，在江苏省苏州市吴江区同里古镇，游客游览。", {"city": "苏州", "sublocation": "同里古镇"}),
    ("与 after a community still joins two places", "5月1日，文博苑社区与翠庭园小学合办活动。",
     {"sublocation": "文博苑社区"}),
    ("hiking (行山) is what people do, no hill's name", "5月1日，在香港新界西貢，市民行山。",
     {"city": "香港", "sublocation": "西貢"}),
    ("an ice rink, a tidal flat, terraced fields end a venue's name", "5月1日，市民在北京市西城区什刹海冰场滑冰。",
     {"city": "北京", "sublocation": "什刹海冰场"}),
    ("terraced fields (梯田) after an autonomous prefecture's county",
     "5月1日，在云南省红河哈尼族彝族自治州元阳县哈尼梯田，农民插秧。", {"city": "元阳县", "sublocation": "哈尼梯田"}),
    ("a bare name ending the clause after a district is the spot inside it",
     "5月1日，在福建省厦门市思明区曾厝垵，游客游览。", {"city": "厦门", "sublocation": "曾厝垵"}),
    ("a district of the city named is no site of its own (the contract's sublocation is a venue or a site)",
     "5月1日，在北京市朝阳区，市民散步。", {"city": "北京", "sublocation": None}),
    ("people and what they do after a district are no spot's name", "5月1日，在北京市朝阳区市民散步，秩序井然。",
     {"city": "北京", "sublocation": None}),
    ("a bare city whose name ends like a suffix (杭州) names no spot after it", "杭州亞運揭幕,特首祝賀選手奪金。",
     {"sublocation": None}),
    ("waiting for what comes (守候) after a town is no venue's name: the town",
     "8月4日，游客在浙江海宁市盐官镇守候钱江潮到来。", {"city": "海宁", "sublocation": "盐官镇"}),
    ("a venue that welcomes (迎来) a crowd: the name ends before the verb, not at the peak (高峰)",
     "5月1日，游客排队入园。当日，江西省婺源县篁岭景区迎来客流高峰。", {"city": "婺源县", "sublocation": "篁岭景区"}),
    ("a bare city, 的, then its venue: the city", "5月1日，游客在位于拉萨的布达拉宫前拍照。",
     {"city": "拉萨", "sublocation": "布达拉宫"}),
    ("an origin before 的 stays no city", "5月1日，来自拉萨的游客在公园游玩。", {"city": None}),
    ("an area (区) after a county is inside it: the county stays the city",
     "7月13日，都昌县老城新建区周溪镇的圩堤上，村民巡堤。", {"city": "都昌县", "sublocation": "周溪镇"}),
    ("a district after a prefecture city stays below the city, and is no site",
     "5月1日，在福建省厦门市思明区，游客游览。",
     {"city": "厦门", "sublocation": None}),
    ("a zone of the city is a site of its own", "5月1日，在河北省石家庄市高新区，工人在厂房施工。",
     {"city": "石家庄", "sublocation": "高新区"}),
    ("a county of a prefecture city named is no site of its own", "5月1日，在陕西省渭南市华阴市的一处果园，果农采摘。",
     {"city": "华阴", "sublocation": None}),
    ("a city whose name holds a linking character (呼和浩特), then its suffix and a venue",
     "5月1日，在内蒙古呼和浩特市大召寺，游客参观。", {"city": "呼和浩特", "sublocation": "大召寺"}),
    ("the same city with its suffix as a whole clause", "5月1日，呼和浩特市，游客参观。",
     {"city": "呼和浩特", "sublocation": None}),
    ("a seawall (海堤) ends a venue's name", "5月1日，在福建省漳州市东山县马銮湾海堤，游客散步。",
     {"sublocation": "马銮湾海堤"}),
    ("a morning market (早市) ends a venue's name past the river it is named after",
     "5月1日，在辽宁锦州小凌河早市，市民选购蔬菜。", {"sublocation": "小凌河早市"}),
    ("an interchange (立交) ends a venue's name", "工人在九龙坡区黄桷坪立交施工现场作业。",
     {"sublocation": "黄桷坪立交"}),
    ("a fortress after a verb of attack: the fortress, not the attack", "1904年，日军进攻旅顺要塞。",
     {"sublocation": "旅顺要塞"}),
    ("a city only inside a launch centre's name is no city", "10月14日，在西昌卫星发射中心，火箭点火升空。",
     {"city": None, "sublocation": "西昌卫星发射中心"}),
    ("nor inside the name of a building of an institution", "10月14日，航天员在酒泉卫星发射中心问天阁出征。",
     {"city": None, "sublocation": "酒泉卫星发射中心问天阁"}),
    ("a city written before its province's university stays the city", "5月1日，在长沙湖南大学，学生上课。",
     {"city": "长沙", "sublocation": "湖南大学"}),
    ("a base camp (大本营) is a venue's name", "5月1日，登山者在西藏日喀则市定日县珠峰大本营休整。",
     {"city": "日喀则", "sublocation": "珠峰大本营"}),
    # (capzh7: kinds from zh_fresh6's tune part, written anew)
    ("a county whose name opens with 于, right after its province, is the whole county",
     "秋收时节,江西于都县的农民在田里收割水稻。", {"city": "于都县", "province": "江西"}),
    ("the same with no 在 before the chain", "入冬以后,新疆于田县的牧民赶着羊群转场(1月5日摄)。",
     {"city": "于田县", "province": "新疆"}),
    ("a province before 市井 (the streets) names no city 广东", "岭南市井百态:民国广东市井生活旧照展出",
     {"city": None}),
    ("a clause of weather after the city is no spot's name", "8月2日,郑州市暴雨如注,一名市民蹚水回家。",
     {"city": "郑州", "sublocation": None}),
    ("a campus is no name: the university named before it is the venue",
     "6月20日,浙江杭州,浙江大学的学生在校园里合影。", {"city": "杭州", "sublocation": "浙江大学"}),
    ("a verb of going is no city's first characters, and the municipal museum is unnamed",
     "5月18日,游客走进市博物馆参观文物。", {"city": None, "sublocation": None}),
    ("a county referred to (该县) before its town: the town's venue, the county from the context line",
     "湖南省桑植县推广民歌进校园。图为5月8日该县洪家关乡光荣小学的学生在学唱民歌。",
     {"city": "桑植县", "province": "湖南", "sublocation": "光荣小学"}),
    ("夜 right after a town's suffix begins the venue's name, no night",
     "云南省普洱市思茅区南屏镇夜莺湖公园里,游客在散步。", {"sublocation": "夜莺湖公园"}),
    ("schools in general are no venue", "该市在中小学里推广冰雪运动。", {"sublocation": None}),
    ("a season before a venue word names no venue", "这是在内蒙古呼伦贝尔市拍摄的深秋草原(10月2日摄)。",
     {"city": "呼伦贝尔", "sublocation": None}),
    ("a meadow (草场) ends a venue's name", "初冬的月亮湾草场一片金黄。", {"sublocation": "月亮湾草场"}),
    ("a nature reserve (保护区) ends a venue's name", "1月5日,候鸟在江西省九江市鄱阳湖国家级自然保护区觅食。",
     {"sublocation": "鄱阳湖国家级自然保护区"}),
    ("woods (山林) after a village are no venue: the village is the place named",
     "3月1日晚,江西省赣州市上犹县营前镇石溪村东面山林起火。", {"sublocation": "石溪村"}),
    ("a place before the head of a body (主席) is a title's", "左二为长沙市妇联主席王芳。", {"city": None}),
    ("nor before a village head (里长)", "高雄市苓雅区五权里长陈明德带领志工清扫街道。", {"city": None}),
    ("a form's place field (地址, then a space) names the scene",
     "摄影 老周\n器材 尼康D850\n地址 鼓楼区三坊七巷\n老街的灯笼亮了,游人络绎不绝。",
     {"city": "鼓楼区", "sublocation": "三坊七巷"}),
    ("a place field with a colon, among other fields on one line",
     "晨雾中的古村 拍摄主题:风光 拍摄地点:黄山黟县宏村 拍摄时间:2018-04-03", {"sublocation": "宏村"}),
    ("a zone whose name opens with 两 right after its city, then a road",
     "3月2日,市民在重庆两江新区悦来大道附近散步。", {"city": "重庆", "sublocation": "悦来大道"}),
    ("在 before work done on a thing says what is done, no venue", "5月3日,电力工人在检修线路。",
     {"sublocation": None}),
    ("city hall's square (市府广场) is a venue's name, not the city referred to", "民众在市府广场参加升旗仪式。",
     {"sublocation": "市府广场"}),
    ("a headline run into the caption by a space: the scene after it, the province from it",
     "江西崇义:梯田金黄 9月20日拍摄的崇义县上堡梯田。",
     {"sublocation": "上堡梯田", "city": "崇义县", "province": "江西"}),
    ("a run-in headline's city completes a scene that names none", "天津:海河夜色 9月20日,游船驶过解放桥。",
     {"sublocation": "解放桥", "city": "天津"}),
    ("a city-state, then a district the tables lack alone in its clause", "5月3日,香港中环,上班族赶路。",
     {"city": "香港"}),
    ("but a city's team is no smaller place", "5月3日,香港足球队,球员训练。", {"city": None}),
    ("what happens after a town is no spot's name", "嘉义县梅山乡梅花盛开,游客赏花。",
     {"city": "梅山乡", "province": "嘉义县", "sublocation": None}),
    ("the venue photographed follows 在 X 拍摄的", "这是6月8日在辽宁省丹东市拍摄的鸭绿江断桥(无人机照片)。",
     {"sublocation": "鸭绿江断桥", "city": "丹东", "province": "辽宁"}),
    ("the same after a bare city", "这是6月8日在大连航拍的棒棰岛。", {"sublocation": "棒棰岛", "city": "大连"}),
    ("but not a name cut short of a common noun photographed", "这是5月3日在贵州拍摄的高速公路桥梁。",
     {"sublocation": None, "province": "贵州"}),
    ("nor the weather before the venue photographed", "这是1月3日在北京拍摄的雪后故宫。",
     {"sublocation": "故宫", "city": "北京"}),
    ("a registered zone the chain read as the city is no site within it", "5月3日,在河北雄安新区,工人浇筑混凝土。",
     {"city": "雄安新区", "sublocation": None}),
    ("a national company's branch names a city after the company's short name: no scene",
     "6月1日,国网高平市供电公司员工帮农民收玉米。", {"city": None, "sublocation": None}),
    ("nor a province, and its first characters are no mountain", "6月1日,国网湖北省电力公司员工巡线。",
     {"province": None, "sublocation": None}),
    ("the scene after 在 stays", "6月1日,中铁十一局工人在武汉市江夏区架设桥梁。", {"city": "武汉"}),
    ("a city's centre (主城区, 中心城区) is no unit of its own", "7月1日,主城区早高峰车流缓慢。", {"city": None}),
    ("nor a crop's area (主产区)", "9月1日,洛川县苹果主产区的果农忙着采摘。", {"city": "洛川县", "sublocation": None}),
    ("an adjective in -性 describes a kind of place, no venue's name", "6月3日,牧民赶着畜群走向临时性草场。",
     {"sublocation": None}),
    ("a country before its people (朋友, 游客) is their nationality, not the scene",
     "泰国朋友阿明常在桥头卖花,如今桥已封闭。", {"country": None}),
    ("a place's epithet in quotes before the place (之乡: the home of) is no township, and the chain after it"
     " completes the scene's province", "近日,信丰县的脐橙进入采摘季。近年来,“脐橙之乡”江西省赣州市信丰县扩大种植。",
     {"city": "信丰县", "province": "江西"}),
    ("a city before 以南 的 is a reference point: the site after it is the scene, in no city named",
     "5月3日,在秘鲁首都利马以北的一处海滩,渔民收网。", {"city": None, "country": "秘鲁"}),
    ("a direction and 区 alone is a part of the city, no unit", "位于北区的湿地公园游人如织。", {"city": None}),
    ("a body's word (政府) then a verb begins no venue's name", "去年秋天,政府封桥后,附近居民只能绕行。",
     {"sublocation": None}),
    ("a modal verb in a run of words makes it a clause, no venue's name", "十月,逃散的人群只能沿河堤离开。",
     {"sublocation": None}),
    ("a cause (因) opens a clause: the venue people moved to is the scene",
     "泳队因城南游泳馆维修而搬到北山体育馆训练。", {"sublocation": "北山体育馆"}),
    ("a body right before its head or member (馆长, 名角) is the person's, no scene, nor the city before it",
     "图为杭州越剧院名角李小梅在后台化妆。", {"sublocation": None, "city": None}),
    ("an outlet's branch before its head (社长) is no venue", "晨光日报北山社长王大明致辞。", {"sublocation": None}),
    ("a city opening the sentence, then 在 and units below it: one chain down to the community",
     "7月1日,杭州市暴雨如注,在西湖区北山街道青年社区,志愿者疏导交通。", {"city": "杭州", "sublocation": "青年社区"}),
    ("a country named inside a run of words (no 在 before it) begins the chain, not the venue's name",
     "5月1日,大批游客美国纽约时报广场上跨年。", {"country": "美国", "city": "纽约", "sublocation": "时报广场"}),
    ("a kind of place right after a village (蔬菜基地) names no place: the village is the place named",
     "5月2日,在浙江省湖州市德清县新港村蔬菜基地,农民采收蔬菜。", {"sublocation": "新港村", "city": "湖州"}),
    ("a kind of place in a later clause after the village (桃花园) likewise",
     "3月2日,在江西省赣州市石门村,孩子们在桃花园里玩耍。", {"sublocation": "石门村"}),
    ("a quoted title holding a comma, before its event's word, is no venue's name",
     "5月3日,学生会举办了“青春公园,夏日光影”摄影大赛,同学们踊跃参加。", {"sublocation": None}),
    ("a credit's field on a line of its own is no scene", "同学们在操场上跑步。\n摄影:机械工程学院",
     {"sublocation": None}),
    ("places naming things of a list (crafts, dishes) are no scene", "展会开幕,山东潍坊风筝、江苏无锡泥人等项目亮相。",
     {"city": None, "province": None}),
    ("a township's long transliterated name after its county may hold a character of position (里)",
     "8月1日,在新疆和田县阿克其里喀乡,农民晾晒葡萄干。", {"sublocation": "阿克其里喀乡", "city": "和田县"}),
    ("a part of a province by its direction (北部的) carries the chain on to the unit in it",
     "5月1日,位于广东北部的韶关市,游客游览丹霞山。", {"city": "韶关", "province": "广东"}),
    ("a venue alone in the photo's line takes its city from the next sentence, in traditional script too",
     "雅江河畔秋色漸濃(9月11日攝)。9月中旬,位於西藏西南部的山南地區秋意更濃。",
     {"city": "山南地區", "province": "西藏"}),
    ("a bare city before its streets (街头) is the scene's city, not a word qualifying what follows",
     "图为7月16日喀什街头两名女子从游客身旁走过,引来不少目光。", {"city": "喀什"}),
    ("a photo's title that is a venue's name whole is the venue when the scene's sentence names none",
     "解放一街,2021年5月\n2021年5月起,市民的日子回到了正轨。", {"sublocation": "解放一街"}),
    ("a title that is no venue's name whole names no venue", "大桥通车,2021年5月\n市民的日子回到了正轨。",
     {"sublocation": None}),
    ("a province before an outlet's word (在线, 日报) names the outlet, not the scene",
     "古桥秋色 记者 王小明 摄 江西在线11月4日讯 近日,游客纷纷赶来拍照。", {"province": None}),
    ("a familiar name (阿 and a one-character venue word) is a person's, no venue's",
     "阿江每天清晨打扫院子。阿江只好到附近露宿。", {"sublocation": None}),
    ("a venue below which (下的) another is named is a reference point: the other is the scene",
     "6月3日，市民在电视塔下的滨江广场观看灯光秀。", {"sublocation": "滨江广场"}),
    ("a cooperation zone (合作区) is a venue's name whole", "6月20日，在珠海横琴粤澳深度合作区，市民在公园里休闲。",
     {"sublocation": "横琴粤澳深度合作区"}),
    ("a two-character common noun (鞋厂) in a later clause after a city names no venue",
     "6月1日，福建晋江，工人在鞋厂赶制订单。", {"sublocation": None, "city": "晋江"}),
    ("a bare city before a site counted (一家工厂) is the scene's city", "6月1日，昆山一家工厂的工人在赶制订单。",
     {"city": "昆山"}),
    ("but a country before one is no scene (a company of that country)", "美国一家公司宣布裁员。", {"country": None}),
    ("a venue before its head's title that begins with a venue word (馆长) is the person's body, no scene",
     "6月1日，南京博物馆馆长向观众介绍展品。", {"sublocation": None}),
    ("a registered venue before its head's title likewise", "6月1日，上海博物馆馆长向观众介绍展品。",
     {"sublocation": None}),
    ("a city-state's district opening the caption (read by the venue register) names its city",
     "元朗大棠楓香林紅葉正盛，吸引市民前往觀賞。", {"sublocation": "元朗", "city": "香港"}),
    ("a district of Hong Kong the gazetteer lacks in Chinese (places.city_state_districts) names the city",
     "深水埗基隆街的布行生意興隆。", {"sublocation": "基隆街", "city": "香港"}),
    ("a bare city, a spot of it with no venue word and a view (夜景) is what the photo shows, no qualifier",
     "这是6月1日拍摄的上海陆家嘴夜景。", {"sublocation": "陆家嘴", "city": "上海"}),
    ("a kind of place referred back to (古城景区) with no unit before it: no venue", "图为游客在古城景区的茶馆里喝茶。",
     {"sublocation": None}),
    ("a clause of going (去) before a venue word names no venue", "牧民们离开定居点，转场去夏季营地。",
     {"sublocation": None}),
    ("where a thing comes from (来自) in a later clause is no venue of the scene",
     "歌手在东京开唱，灵感来自香港的夜景。", {"sublocation": None, "city": "东京"}),
    ("a manner word (正式) before a road's word names no road", "新款电动巴士周日在墨尔本正式上路。",
     {"sublocation": None, "city": "墨尔本"}),
    ("a Latin name's last word in small letters before a venue word is a cut name, no venue",
     "周日清晨，Queen 交 Spadina avenue十字路口发生车祸。", {"sublocation": None}),
    ("a side of a province (南岸) after it is no city, though a district somewhere has that name",
     "9月3日，卑诗省南岸温岛发生轻微地震。", {"city": None, "province": "卑诗"}),
    ("a country's qualifier in brackets (刚果（金）) is part of its name, and the chain goes on to its capital",
     "5月1日，在刚果（金）首都金沙萨，市民在街头购物。", {"country": "刚果（金）", "city": "金沙萨"}),
    ("a city's one-character short name after 在 and an event's word (在沪举行) is the city, as written",
     "3月5日，第三届青年书画展在沪开幕，百余件作品亮相。", {"city": "沪"}),
    ("but not one that begins a longer name (在京东)", "3月5日，不少市民在京东下单年货。", {"city": None}),
    ("a unit's long name holding a venue word (运河) is the venue, then the district of its stretch",
     "5月3日，龙舟队在浙江嘉兴南湖运河秀洲区段训练。", {"sublocation": "南湖运河", "city": "嘉兴"}),
    ("a landmark the sentence opens with, at whose foot (脚下) the scene lies, is a reference point, no venue",
     "贺兰山脚下，银川市西夏区的一处葡萄园。", {"sublocation": None, "city": "银川"}),
    ("a district standing in for the city, its bare name written after a city in the title, is in that city",
     "春到成都天府 3月2日,天府新区兴隆湖畔,市民在草地上放风筝。", {"city": "成都", "sublocation": "兴隆湖"}),
    ("with no city written before it the district stands in for the city, as before",
     "6月1日,滨湖新区一处公园里,孩子们在戏水。", {"city": "滨湖新区"}),
    ("a school's sports ground (操场) ends a venue's name", "晚上8时，在育才实验中学操场上，师生观看烟花。",
     {"sublocation": "育才实验中学操场"}),
    ("a school's grounds, unnamed (学校操场), are no venue", "3月5日，学生们在学校操场上做操。", {"sublocation": None}),
    ("the sentence after the day's, opening with the hour (9时许) and naming the same city, gives the venue",
     "3月8日起,兰州市城关区、七里河区开始春季义诊。9时许,兰州城关区东岗小区里,居民排队问诊。",
     {"city": "兰州", "sublocation": "东岗小区"}),
    ("a city's old town (大理古城) places the scene in the city", "5月1日，游客在大理古城的街巷里漫步。",
     {"sublocation": "大理古城", "city": "大理"}),
    ("an old town named by no city the gazetteer knows names no city", "5月1日，游客在台儿庄古城游玩。",
     {"sublocation": "台儿庄古城", "city": None}),
    ("a trailer line (a day, 摄影, the places) says where; the first sentence above it names the venue",
     "【古村春色】 桃源村山水如画,村民朴实,古建筑保存完好。 【乡村系列之12】 2016年4月3日摄影福建南平",
     {"sublocation": "桃源村", "city": "南平", "province": "福建"}),
    ("but not what the first sentence says a place is (是...的信仰中心)",
     "天后宫送王 天后宫是渔村的信仰中心,供奉妈祖。 2010年11月22日拍摄于 云林县", {"sublocation": None}),
    ("a verb of staying in villages (驻村干部) is no village's name", "5月1日,新疆喀什驻村干部在田间劳作。",
     {"sublocation": None, "city": "喀什"}),
    ("a part of the city named by no name (市中心, 市区) before a street is no part of the street's name",
     "溫哥華市中心羅布森街今日有遊行活動。", {"sublocation": "羅布森街", "city": "溫哥華"}),
    ("a number alone before a venue word (一小区) counts a place, names none",
     "昨日，北京市朝阳区一小区内，居民在做核酸检测。", {"sublocation": None, "city": "北京"}),
    ("the city's centre (市中心) after a city is no venue", "5月3日，乌克兰首都基辅市中心一栋建筑遭袭后起火。",
     {"sublocation": None, "city": "基辅"}),
    ("大 and a venue word alone after a city (大草原) take the city's name as their first word",
     "5月3日，在甘肃张掖大峡谷，游客观光。", {"sublocation": "张掖大峡谷", "city": "张掖"}),
    ("a sports ground (运动场) is a venue word", "当日，足球赛在广州天河运动场进行。",
     {"sublocation": "天河运动场", "city": "广州"}),
    ("a foreign province's short name (安省) before a known city is the province, no venue's first word",
     "安省多倫多市中心央街周五有大批示威者遊行。", {"province": "安省", "city": "多倫多"}),
    ("Australia as overseas papers write it (澳洲) is the country", "澳洲悉尼邦迪海灘周日有大批泳客。",
     {"country": "澳洲", "city": "悉尼", "sublocation": "邦迪海灘"}),
    ("a short name that is also a county of Guangdong (南澳) stays the county with no city after it",
     "5月1日，广东南澳县的渔民出海。", {"city": "南澳县", "province": "广东"}),
    ("but not one naming another city",
     "3月8日起,兰州市城关区、七里河区开始春季义诊。9时许,西宁城东区东岗小区里,居民排队。",
     {"city": "兰州", "sublocation": None}),
    ("a country sending a mission (X驻Y大使馆) names the venue, not the scene's country",
     "6月3日,德国驻华大使馆举行开放日活动,市民排队参观。", {"sublocation": "德国驻华大使馆", "country": None}),
    ("a consulate: the city after 驻 is inside the venue's name, and the country is no scene's",
     "9月9日,法国驻广州总领事馆门前,工作人员布置花篮。", {"sublocation": "法国驻广州总领事馆", "country": None}),
    ("a country before a venue with no 驻 is still the scene's", "6月3日,游客在法国巴黎卢浮宫参观。",
     {"sublocation": "卢浮宫", "city": "巴黎", "country": "法国"}),
    # capzh14: Taiwan's levels, and a venue word that ends the caption
    ("a Taiwan county before its township: the county is the province, the township the city",
     "拍攝時間:2014年3月1日\n拍攝地點:雲林縣土庫鎮順天宮",
     {"province": "雲林縣", "city": "土庫鎮", "sublocation": "順天宮"}),
    ("the same with the county written bare", "志工在花蓮壽豐鄉清理淤泥。", {"province": "花蓮", "city": "壽豐鄉"}),
    ("台灣 opening a chain of places is the country", "拍攝地點:台灣高雄市旗津區", {"country": "台灣", "province": None,
                                                                           "city": "高雄"}),
    ("a county's city (彰化縣員林市) is the city alone", "市民在彰化縣員林市街頭看花燈。",
     {"city": "員林", "province": None}),
    ("a village named with 中 after 市 is no city centre", "拍攝地點:南投縣埔里市中山新村",
     {"city": "埔里", "sublocation": "中山新村"}),
    ("a one-character venue word that ends the caption ends the venue's name", "拍摄地点:浙江省德清县新市镇西河石桥",
     {"sublocation": "西河石桥", "city": "德清县"}),
    ("hurrying to a place (趕往) introduces the scene", "志工趕往南投仁愛鄉協助清理。",
     {"province": "南投", "city": "仁愛鄉"}),
    ("gathering at a place (聚到) introduces the scene", "开幕式上,2000多名运动员聚到平江县体育中心体育场。",
     {"sublocation": "体育中心体育场", "city": "平江县"}),
    ("a venue up a river from another (上游的) is the scene's", "选手在白鹤滩大坝上游的金沙江龙舟训练基地训练。",
     {"sublocation": "金沙江龙舟训练基地"}),
    ("where a train comes from and goes to (从X开往Y) is no scene", "乘客在一趟从上海开往杭州的列车上看书。",
     {"city": None, "sublocation": None}),
    ("an ethnic autonomous county named for a city (本溪满族自治县) is one county, the city's stand-in",
     "9月1日，村民在辽宁省本溪满族自治县小市镇晾晒玉米。",
     {"city": "本溪满族自治县", "province": "辽宁", "sublocation": "小市镇"}),
    ("a city written bare runs into its autonomous county (the county's name unknown): the city, then the county",
     "4月18日,广西桂林奎溪苗族自治县三防镇,群众齐聚一堂。", {"city": "桂林", "province": "广西"}),
    ("the same after a province with its suffix", "湖南省邵阳奎溪侗族自治县境内油菜长势良好。",
     {"city": "邵阳", "province": "湖南"}),
    ("but a county named for a city with one people's character left is still one county",
     "5月1日，在吉林长白朝鲜族自治县，雪后的村庄。", {"city": "长白朝鲜族自治县"}),
    ("the villagers' own grounds after their village (村民小区) are unnamed: the village is the place named",
     "圖為河北霸州奎溪村村民小區一景(11月20日攝)。", {"sublocation": "奎溪村", "city": "霸州"}),
    ("and so is the village committee's small square", "9月7日,在四川省雅安市奎溪村村委会小广场,村民们支起帐篷。",
     {"sublocation": "奎溪村", "city": "雅安"}),
    ("climbing over a mountain (翻越) is passing it: the mountain's name begins after the verb",
     "各界代表沿当年红军长征翻越奎溪山的路线行进,寻访红色足迹。", {"sublocation": "奎溪山"}),
    ("a one-character venue word right before a county's suffix is inside the county's name (奎溪县), no stream",
     "11月25日,摄影节在传统古村落奎溪县地都村热热闹闹开幕。", {"sublocation": "地都村", "city": "奎溪县"}),
    ("the same where a town's festival opens the sentence: no venue ends at 溪 (传统古村落奎溪); the festival is "
     "held at the village, the scene (the town only names the event)",
     "9月1日,青石镇首届文化节在传统古村落奎溪县青禾村开幕。", {"sublocation": "青禾村", "city": "奎溪县"}),
    ("but not before a word that begins with the suffix's character (市民)", "游客在西湖市民广场散步。",
     {"sublocation": "西湖市民广场"}),
    ("a one-character venue word that opens a province's name, its city after it, ends no venue (河 of 河南)",
     "一列动车驶过奎溪高铁河南洛阳市境内的大桥。", {"province": "河南", "city": "洛阳"}),
    ("but a lake's name before a shore (西湖南岸) is the lake's", "游客在西湖南岸赏花。", {"sublocation": "西湖"}),
    ("crossing the street (过街) is a verb, no street's name", "9月1日，在东京涩谷区，行人过街。",
     {"sublocation": None}),
    ("the heading's city right before the venue the scene names alone",
     "苏州寒山寺迎新年\n除夕夜,大批游客涌向市内景点,人气最旺的是寒山寺。", {"city": "苏州", "sublocation": "寒山寺"}),
    ("a city before 当地 (local) is the scene's", "2月29日拍摄的罗马当地关门歇业的华人店铺。", {"city": "罗马"}),
    ("leading the way (在前开路) is a verb, no road's name; barren hills (荒山) are no venue",
     "彩旗在前开路,进香的队伍穿过荒山小径。", {"sublocation": None}),
    ("a 图为 line's venue alone takes the city a context sentence writes after its province",
     "福建安溪有众多茶园,茶农在秋季采茶。图为村里的林氏宗祠。",
     {"sublocation": "林氏宗祠", "city": "安溪", "province": "福建"}),
    ("but not a bare city read out of the venue's own name", "青海湖西北岸的鸟岛迎来候鸟。图为青海湖。",
     {"city": None}),
    ("a rural market (墟市) is no city's suffix", "大埔墟市: 市民4月7日在大埔逛墟市。", {"city": "香港"}),
    ("a food court (美食广场), unnamed, is no venue", "午间,市民在美食广场就餐。", {"sublocation": None}),
    ("Indonesia written short (印尼) is the country", "1月25日，在印尼泗水，华人舞龙庆祝春节。",
     {"country": "印尼", "city": "泗水"}),
    ("a Thai province (府) right after its country is the province", "泰国北柳府,村民在寺庙前放生。",
     {"province": "北柳府", "country": "泰国", "city": None}),
    ("a government (政府) after a country is no province", "泰国政府,官员开会讨论预算。", {"province": None}),
    ("a flag (国旗, 头旗) is no banner of Inner Mongolia", "图为村里的祠堂,里面挂着几十个国家的国旗。", {"city": None}),
    ("a county's seat (县城) after the county: the county stands in for the city, with its suffix",
     "银杏叶变黄了，湖南省桑植县县城的街道一片金黄。", {"city": "桑植县", "province": "湖南"}),
    ("a village's dwellings (村民居): 民居 is a word, the village is named", "航拍湖北省竹溪县向坝乡白果村民居。",
     {"sublocation": "白果村", "city": "竹溪县"}),
    ("the city's centre after a city written with 市 is no part of the venue's name, and the city is as written",
     "春節期間,在澳門市中心議事亭前地廣場,游客拍照。", {"city": "澳門", "sublocation": "議事亭前地廣場"}),
    ("that (那) and a measure word point back at a place and name none", "横跨两岸的那座石拱桥在雨中。",
     {"sublocation": None}),
    ("traditional 著 marks a verb's aspect as 着 does: no venue's name", "阿婆跟著舞龍隊伍至淡水漁港看熱鬧。",
     {"sublocation": None}),
    ("traditional 著 in a clause before a venue word", "民眾冒著寒風走上天橋。", {"sublocation": None}),
    ("a country after a comma behind the chain qualifies the clause's people: the chain stays",
     "当地时间3月2日,法国马赛,意大利球迷在球场外聚集。", {"city": "马赛", "country": "法国"}),
    ("a bare city that a verb of happening follows (迎来, 进入) is the scene, no title's qualifier",
     "12月3日,沈阳迎来今冬首场降雪,市民在雪中出行。", {"city": "沈阳"}),
    ("a village's people, 在, then the village's own square: the village is the place named, no village 农民在村",
     "图为山东省莒南县小王庄村农民在村文化广场晾晒玉米。", {"sublocation": "小王庄村", "city": "莒南县"}),
    ("a township's head (鄉長) is a title: the township is no unit of the scene",
     "屏東縣萬巒鄉長林小明(左)向得獎農友道賀。", {"city": "屏東縣", "province": None}),
    ("a verb of holding after a township begins a clause: no unit named 举办X乡",
     "雲林縣北港鎮舉辦建鎮百年祈福遶境,信眾沿街拈香。", {"sublocation": None, "city": "北港鎮"}),
    ("a line opening with 摄于 and places is the scene's field, over places the text below compares it to",
     "洞庭湖畔\n摄于湖南省岳阳市\n岳阳与俄罗斯远东城市哈巴罗夫斯克结为友好城市。",
     {"city": "岳阳", "province": "湖南", "country": None}),
    ("a county opening the sentence, then 在 its township's venue: the venue, within the county",
     "莒南县发展茶产业多年,茶农在大店镇茶博园采茶。", {"sublocation": "茶博园", "city": "莒南县"}),
    ("a kind of neighbourhood (居住区, 住宅区) is no district's name", "一家面包店开在华人聚居区的街角。",
     {"city": None}),
    ("a church by its name's last word (圣母堂, 天主堂) is a venue", "平安夜弥撒在露德圣母堂举行。",
     {"sublocation": "露德圣母堂"}),
    ("a bookshop (书店) is a venue", "读者到晨光音乐书店来买书。", {"sublocation": "晨光音乐书店"}),
    ("but 著名 (famous) is no aspect", "遊客在著名的赤柱廣場拍照。", {"sublocation": "赤柱廣場"}),
    ("a bay a city names (杭州湾), then the bridge over it: the bridge whole, no city",
     "5月1日,泉州湾跨海大桥举行通车仪式。", {"sublocation": "泉州湾跨海大桥", "city": None}),
    ("...a bay's park", "5月1日,市民在厦门湾海滨公园散步。", {"sublocation": "厦门湾海滨公园", "city": None}),
    ("driving up onto a bridge (驶上): the bridge's name begins after the verb",
     "5月1日,车队缓缓驶上泉州湾跨海大桥。", {"sublocation": "泉州湾跨海大桥"}),
    ("a later sentence giving a bridge's ends (北起, 止于) gives no city to the scene's bridge",
     "5月1日,泉州湾跨海大桥举行通车仪式。大桥北起泉州市石狮,止于晋江市,全长12公里。",
     {"sublocation": "泉州湾跨海大桥", "city": None}),
    ("a clause of what fills a place (铺满) holds no venue's name: the village of the chain is the scene",
     "9月21日,奎沃县茅坪村,金黄的稻谷铺满层层梯田。", {"sublocation": "茅坪村", "city": "奎沃县"}),
    ("...traditional script, 擠滿", "2月15日,奎沃縣茅坪村,村口擠滿層層人群。", {"sublocation": "茅坪村"}),
    ("a unit the sentence says lies (地处) in a province's chain: the province is its",
     "奎沃管理区地处内蒙古自治区呼伦贝尔市西部,牧草丰美。", {"city": "奎沃管理区", "province": "内蒙古"}),
    ("...位于, a county in a province's middle", "奎沃县位于陕西省中部,苹果正当收获。",
     {"city": "奎沃县", "province": "陕西"}),
    ("a city, a direction and a distance from it (以东50公里的): a reference point, the site after it the scene",
     "3月12日,在埃及开罗以东50公里的新行政首都中央商务区,工人施工。",
     {"sublocation": "新行政首都中央商务区", "city": None, "country": "埃及"}),
    ("...处 after the distance", "5月1日,游客在西安以东120公里处的华山景区登山。",
     {"sublocation": "华山景区", "city": None}),
    ("an area set apart for a use (警戒区) is no district", "一名男子开车闯入广场附近的警戒区,遭警察拦截。",
     {"city": None}),
    ("...宣傳區, after a venue: the venue stays", "奎沃廣場的連儂牆有為候選人而設的宣傳區。",
     {"city": None, "sublocation": "奎沃廣場"}),
    ("a city, then a provincial road (省道): no province named after the city",
     "10月25日,在新疆哈密省道303线上,车辆排成长队。", {"city": "哈密", "province": "新疆"}),
    ("全港 (the whole of Hong Kong) is no port's name", "全港規模最大的年宵市場開鑼,圖為市民在維園年宵市場挑選花卉。",
     {"sublocation": "維園年宵市場"}),
    ("a border guards' unit named after its province is no scene; the city before the venue is",
     "3月2日,武警福建省边防总队某支队官兵在厦门奎沃口岸巡逻。", {"city": "厦门", "province": None,
                                                  "sublocation": "奎沃口岸"}),
    ("...a unit named after its city, the venue named before it", "5月6日,在奎沃港,宁波边防支队的官兵帮渔民卸货。",
     {"sublocation": "奎沃港", "city": None}),
    ("...a military subdistrict (军分区) named after its city", "7月8日,丽水军分区官兵在奎沃村帮村民抢收水稻。",
     {"city": None}),
    ("a railway's locomotive depot (机务段) is a venue", "3月2日,蒸汽机车停在内蒙古奎沃铁路奎城机务段,准备出发。",
     {"sublocation": "奎沃铁路奎城机务段", "province": "内蒙古"}),
    ("...a multiple-unit depot (动车段)", "1月20日,动车组列车停在奎沃动车段的存车线上。",
     {"sublocation": "奎沃动车段"}),
    ("...a metro's depot (车辆段)", "3月3日,地铁列车停在奎沃车辆段内,等着检修。", {"sublocation": "奎沃车辆段"}),
    ("a clause of doing ended by 时 after a town says when: the town is the scene",
     "4月13日,记者在奎州区奎口镇采访时,碰上了一支马帮。", {"sublocation": "奎口镇", "city": "奎州区"}),
    ("...after a county-level district alone", "5月2日,记者在奎州区探亲时,遇见一群候鸟。", {"sublocation": None}),
    ("a later sentence opening with a village the scene names says where it lies: its city",
     "杨某在奎沃村“桃韵”草莓基地的大棚里摘草莓(1月29日摄)。 奎沃村是重庆市渝北区洛碛镇最偏远的村子,山多地少。",
     {"city": "重庆"}),
    ("...a tunnel, after a sentence that names it again with no place",
     "这是6月15日拍摄的奎渝高铁奎沃隧道施工现场。 当天,奎渝高铁奎沃隧道顺利打通。"
     "奎沃隧道位于重庆江津区和璧山区交界处。",
     {"city": "重庆", "sublocation": "奎渝高铁奎沃隧道"}),
    ("...what the village is, with no place, gives no city", "杨某在奎沃村的大棚里摘草莓。 奎沃村是远近闻名的草莓村。",
     {"city": None, "sublocation": "奎沃村"}),
    ("the scene's district written with its province in a later sentence that does not name the village",
     "3月20日,奎沃区奎沃街道奎竹村的工人在摊青。 清明将到,浙江省杭州市奎沃区的春茶进入采摘高峰。",
     {"sublocation": "奎竹村", "city": "奎沃区", "province": "浙江"}),
    ("...another district of the province there gives none",
     "3月20日,奎沃区奎竹村的工人在摊青。 浙江省杭州市奎南区的春茶进入采摘高峰。", {"province": None}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PLACES], ids=[c[0] for c in PLACES])
def test_place_kinds(text, expected):
    check(text, expected)


#: Venues with no venue word, which only the venue register knows (catalog/rules/venues.toml).
VENUES = [
    ("a business district after 在, an activity after it", "5月1日，游客在陆家嘴观光。新华社记者 陈飞 摄",
     {"sublocation": "陆家嘴", "city": None}),
    ("a registered name right after the city", "5月1日，游客在四川成都锦里游玩。新华社记者 沈博韩 摄",
     {"sublocation": "锦里", "city": "成都", "province": "四川"}),
    ("the seat of government, traditional script", "5月1日，國務院總理在中南海會見外賓。新華社記者 饒愛民 攝",
     {"sublocation": "中南海"}),
    ("the chain cut a registered name short: the whole name", "市民周末在海港城選購聖誕禮物。",
     {"sublocation": "海港城"}),
    ("a registered name with digits", "5月1日，游客在北京798艺术区参观展览。新华社记者 李贺 摄",
     {"sublocation": "798艺术区", "city": "北京"}),
    ("a registered name right after a district: the venue, not the district",
     "5月1日，在上海浦东新区陆家嘴，游客观光。", {"sublocation": "陆家嘴", "city": "上海"}),
    ("a district followed by a road named after a registered name keeps no shorter venue",
     "5月1日，在上海浦东新区陆家嘴环路，游客观光。", {"sublocation": "陆家嘴环路", "city": "上海"}),
    ("a team named after a mountain is no scene", "5月1日，山东泰山队球员在比赛中庆祝进球。新华社记者 王曦 摄",
     {"sublocation": None}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in VENUES], ids=[c[0] for c in VENUES])
def test_venues_the_register_knows(text, expected):
    check(text, expected)


def test_a_county_of_another_province_is_not_read_as_the_named_ones():
    """兴化 is a county-level city of 江苏: after 浙江 its name is only the first word of the town's."""
    assert parse("浙江兴化红旗镇,村民晒秋。").location.city != "兴化"
    assert parse("江苏兴化红旗镇,村民晒秋。").location.city == "兴化"


@pytest.mark.parametrize("text, expected", [
    ("5月2日，游客在浙江杭州中国茶叶博物馆品茶。", {"sublocation": "中国茶叶博物馆", "city": "杭州", "country": None}),
    ("游客在湖南长沙中国国际会展中心参观。", {"city": "长沙", "province": "湖南", "country": None}),
])
def test_a_country_opening_a_venues_name_after_its_city(text, expected):
    """中国 right after a city and before a venue word is the first word of the venue's name (a museum named for the
    nation), not a country the chain climbs to: the city before it stays the chain's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月2日,开罗市区一座清真寺前人潮涌动。", {"city": "开罗"}),
    ("巴黎市中心的街道上游人如织。", {"city": "巴黎"}),
])
def test_a_city_before_a_part_of_it_is_the_scene(text, expected):
    """A city opening a sentence and running on into a part of it named by no name (市区, 市中心: places.city_parts)
    is where the scene is, not a word qualifying what follows (as "美国参谋长" would be)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,游客在南京东路步行街拍照。", {"city": None, "sublocation": "南京东路步行街"}),
    ("5月1日,市民在北京西路上骑车。", {"city": None, "sublocation": "北京西路"}),
    ("5月1日,北京东城区的胡同里游客如织。", {"city": "北京"}),
])
def test_a_street_named_after_a_city(text, expected):
    """A city's name, a direction and a street's word (南京东路, 北京西路) name a street, found in many cities: the
    city named is no city of the scene (a district after the city, 东城区, is still the city's)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,羊城花市人头攒动。", {"city": "羊城"}),
    ("5月1日,在蓉城的一条老街上,市民喝茶。", {"city": "蓉城"}),
    ("周日上午,冰城的气温降到零下二十度。在中央大街,游客拍照留念。", {"city": "冰城", "sublocation": "中央大街"}),
])
def test_a_city_by_its_nickname(text, expected):
    """A city's nickname (羊城 Guangzhou, 冰城 Harbin: places.city_nicknames) is the city as written, and opening its
    sentence is the scene whatever follows; a next sentence opening with 在 and naming a venue of no place of its
    own says where in that city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一年一度温哥华的龙舟节在福溪举行。", {"city": "温哥华"}),
    ("每年南宁的春节庙会都吸引大批市民。", {"city": "南宁"}),
    ("今年温哥华的樱花开得格外早,市民纷纷出游。", {"city": "温哥华"}),
])
def test_a_city_after_words_of_time_opening_the_sentence(text, expected):
    """Words of time that open a sentence with no comma (一年一度, 每年, 今年: places.time_openers) are no part of
    a name: the place phrase begins after them."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("高雄有一种慢悠悠的气味,港边的渔船正在卸货。", {"city": "高雄"}),
    ("丽江有不少百年老宅,游客在巷子里拍照。", {"city": "丽江"}),
])
def test_a_city_that_has_something(text, expected):
    """A city opening its sentence before 有一, 有不少, 有很多 (there is, in that city: places.subject_verbs) is
    where what follows is found, the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("本周末羊城天气晴好。越秀公园里游人如织,昨天接待游客三万人次。图为公园北门一带的花海",
     {"city": "羊城", "sublocation": "越秀公园"}),
    ("本周末羊城天气晴好。公园里游人如织。图为公园北门一带的花海", {"city": "羊城", "sublocation": None}),
])
def test_a_park_opening_the_sentence_after_its_citys(text, expected):
    """A named venue that opens the sentence after the city's, with a word of being inside it (里, 内, 上), is the
    scene's venue in that city, also when a later 图为 sentence marked the scene; an unnamed one (公园) is not."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("游客来到千年古城西安。", {"city": "西安", "sublocation": None}),
    ("古城大同迎来降雪。", {"city": "大同"}),
    ("开幕式在传统古村落平遥县梁村举行。", {"city": "平遥县", "sublocation": "梁村"}),
    ("游客在平遥古城游览。", {"sublocation": "平遥古城"}),
    ("山城岳阳的春雨说下就下。", {"city": "岳阳"}),
    ("雾中的山城,游人如织。", {"city": None}),
])
def test_a_place_after_its_kind_in_apposition(text, expected):
    """A kind of place written before the place's own name (千年古城西安, 古村落平遥县: places.apposed) is no venue's
    name: the place phrase begins after it; after the place's name (平遥古城) the kind ends the venue's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("九龙江北溪两岸,白鹭成群。", {"city": None}),
    ("九龙的街头,市民排队。", {"city": "香港", "sublocation": "九龙"}),
])
def test_a_river_named_like_a_district_of_a_city_state(text, expected):
    """A district of a city-state written right before a river's word (九龙江, a river of Fujian) is the river's
    name, no district of Hong Kong; before other words it is the district."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("图为纽约游行现场。", {"city": "纽约"}),
    ("图为中国队训练现场。", {"country": None}),
])
def test_a_city_then_the_scene_of_an_event(text, expected):
    """A city followed by what happened there and 现场 (the scene of it) is where the photo was taken; a country
    before a team's 现场 is not (the team may play abroad)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月5日,在弥勒,湖边的芦苇黄了。", {"city": "弥勒"}),
    ("10月5日,在后来,湖边的芦苇黄了。", {"city": None}),
])
def test_a_small_city_of_china_alone_in_its_clause(text, expected):
    """A two-character name alone in its clause that the gazetteer knows as a small town of China and that reads
    as a Chinese county (弥勒) is the city; an everyday word is neither."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("甘肃青年志愿者在火车站为旅客搬运行李。", {"province": None, "city": None, "sublocation": None}),
    ("5月1日,广西志愿者在汽车站引导乘客。", {"province": None, "sublocation": None}),
])
def test_young_people_of_a_province_at_an_unnamed_station(text, expected):
    """A province's young people or volunteers (甘肃青年, 广西志愿者) come from it, and 青年 is no town of it; a kind
    of station named by no name (火车站, 汽车站) is no venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,城步苗族自治县白毛坪镇长坪村,村民晾晒腊肉。", {"city": "城步苗族自治县", "sublocation": "长坪村"}),
])
def test_an_autonomous_county_whose_name_begins_with_cheng(text, expected):
    """城 opens no unit's name alone (城市, 城区), but an autonomous county's peoples after it (城步苗族自治县) make
    one: the county stands in for the city, its town's village is the site."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,学生们在嘉峪关市的峪泉镇参加劳动。", {"city": "嘉峪关", "sublocation": "峪泉镇"}),
    ("这是5月1日在江西省婺源县拍摄的篁岭村。", {"city": "婺源县", "sublocation": "篁岭村"}),
])
def test_a_town_or_village_after_its_unit_and_de(text, expected):
    """A city or a county written with its suffix, 的, then a town or a village (嘉峪关市的峪泉镇): the chain goes on
    down to it, as it would with no 的."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("僑界今天舉行新春封街遊行,數千人在街邊觀看。中央社記者王大明洛杉磯攝 108年2月5日",
     {"city": "洛杉磯", "sublocation": None}),
    ("市民在公园里散步。新华社记者 李鑫 摄", {"city": None}),
    ("志工在災區清理淤泥。中央社記者王大明花蓮攝 114年10月4日",
     {"photographer": "王大明", "agency": "CNA"}),  # (a county of Taiwan the gazetteer lacks in Chinese)
    ("志工在災區清理淤泥。中央社記者王大明屏東攝 114年10月4日", {"photographer": "王大明", "agency": "CNA"}),
])
def test_a_city_between_the_photographer_and_she(text, expected):
    """A correspondent's credit may name the city between the name and 攝 (中央社記者王大明洛杉磯攝): where the
    picture was taken, read when the sentence names no city; closing streets for a parade (封街) names no street."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,四川省汶川县县城滨江公园里,市民晨练。", {"city": "汶川县", "sublocation": "滨江公园"}),
])
def test_a_county_then_its_county_town(text, expected):
    """A county then its county town (汶川县县城): 县 after the county's suffix begins 县城, no second suffix
    (as 景德镇市's 市 is)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3月2日,马德里当地民众在广场上集会。", {"city": "马德里"}),
])
def test_a_city_then_local(text, expected):
    """A city opening its sentence and running on into 当地 ("local": 马德里当地民众) is the scene, as before 市民."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("泰国清莱府,一名僧人在寺庙前扫地。", {"country": "泰国", "province": "清莱府"}),
    ("5月1日,在泰国总理府前,民众集会。", {"province": None}),
])
def test_a_province_of_another_country_with_fu(text, expected):
    """After a country other than China, a name ending in 府 is its province (Thailand's 清莱府), as one in 州 is a
    state; an office's seat (总理府) is none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,比赛在小浪底水库下游的黄河湿地公园举行。", {"sublocation": "黄河湿地公园"}),
    ("5月1日,比赛在丹江口水库上游的青龙训练基地举行。", {"sublocation": "青龙训练基地"}),
    ("5月1日,游客在东京塔附近的芝公园赏樱。", {"sublocation": "芝公园"}),
])
def test_a_venue_near_or_up_the_river_from_another(text, expected):
    """A venue then 附近的, 上游的 or 下游的 is a reference point: the venue named next is the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("旅客在一趟从成都开往西宁的列车上看风景。", {"city": None, "sublocation": None}),
    ("5月1日,乘客在广州驶往海口的客轮上休息。", {"city": None, "sublocation": None}),
])
def test_a_train_heading_from_a_city(text, expected):
    """A city then 开往, 驶往 or 飞往 is where a train, a ship or a plane set out from: neither it nor the words
    after it (开往西) are the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("美国佛州南部的飓风过后,居民清理街道。", {"country": "美国", "province": "佛州"}),
    ("5月1日,澳洲昆州的农场遭遇洪水。", {"country": "澳洲", "province": "昆州"}),
])
def test_a_short_state_right_after_its_country(text, expected):
    """A foreign state's short name (佛州, 昆州) right after its country is the state, whatever follows it (a part
    of it, 南部; 的): the country vouches for it as a known city after it would."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("航拍无人机拍下汶川水磨镇老人村的春景。", {"city": "汶川", "sublocation": "老人村"}),
    ("5月1日,游客拍下美丽乡村桃花镇桃源村的全景。", {"city": None}),
])
def test_a_bare_county_before_a_town_and_its_village(text, expected):
    """A county's bare name of two characters right before a town's of two and its village, after a verb of taking
    (拍下汶川水磨镇老人村), is the city the county stands in for; words before a town (美丽乡村) are none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("梯田春色 摄影地点:遂昌石练古桥 摄影时间:2016-04-02", {"city": "遂昌", "sublocation": "石练古桥"}),
    ("晨雾 摄影点:庆元百山祖国家公园 摄影时间:2019-05-01", {"city": "庆元", "sublocation": "百山祖国家公园"}),
    ("冬日的海边,渔民收网归来。 拍摄点:霞山观海长廊。记者 王小明 摄", {"city": "霞山", "sublocation": "观海长廊"}),
    # the field names the venue alone: the prose's city is the venue's, and the field's venue the scene's
    ("冬日的北海,渔船归港,晚霞满天。 影点:南湾渔港码头。通讯员 李小红 摄",
     {"city": "北海", "sublocation": "南湾渔港码头"}),
    # a venue named after a city the gazetteer knows stays whole
    ("傍晚的海边,游人如织。 拍摄点:深圳湾公园。记者 王小明 摄", {"city": None, "sublocation": "深圳湾公园"}),
])
def test_a_photo_spots_field(text, expected):
    """A photo contest's or a paper's spot field (摄影地点:, 拍摄点:, 影点: of places.place_labels) names where the
    photo was taken, as 拍摄地点: does; a county written bare before a venue with a name of its own there is the
    city, and a venue named alone keeps the city the prose gives."""
    check(text, expected)


@pytest.mark.parametrize(("text", "description"), [
    ("新华社记者 王晓 摄：2024年5月2日，游客在江西庐山景区观景。", "2024年5月2日，游客在江西庐山景区观景。"),
    ("市民在湖北武汉东湖边散步。（新华社记者 周敏 摄）", "市民在湖北武汉东湖边散步。"),
    ("渔民在福建霞浦收网。新华社发（林峰 摄）", "渔民在福建霞浦收网。"),
    ("市民在公園裡散步。（圖：王小明）", "市民在公園裡散步。"),
    ("(摄影:朴小峰)6月16日傍晚,运河泛起波纹。", "6月16日傍晚,运河泛起波纹。"),
    ("市民在公园里散步。 “王小明 摄”", "市民在公园里散步。"),
])
def test_the_description_is_the_caption_without_its_credit_or_what_held_it(text, description):
    """A credit cut from a Chinese caption takes the colon after it (when it opens the caption) and the
    brackets it sat in (when it closes it): the description a person reads starts and ends with the prose."""
    facts = parse(text)
    assert facts.credit.raw and facts.description == description


@pytest.mark.parametrize("text, expected", [
    ("3月5日，工人在位于广东湛江的霞山码头装卸货物。", {"sublocation": "霞山码头", "city": "湛江", "province": "广东"}),
    ("3月5日，游客在位于安徽蚌埠的龙子湖公园赏花。", {"sublocation": "龙子湖公园", "city": "蚌埠", "province": "安徽"}),
])
def test_a_place_after_zai_and_weiyu(text, expected):
    """在位于 (at, situated in): the place begins after 位于, so a province and a city written bare after it are read
    as a chain, not from where 在 ended: "位于广" is no city, nor "东湛江" a venue for its last character (江, 埠)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日，护林员在半山腰巡查林木。", {"sublocation": None}),
    ("5月3日，宜宾山体滑坡现场，救援人员正在搜救。", {"sublocation": None, "city": "宜宾"}),
    ("5月3日，村民在石门村清理池塘。", {"sublocation": "石门村"}),
])
def test_a_common_noun_opened_by_a_venue_word(text, expected):
    """山腰 (a hillside), 山体 (a mountain's mass, of a landslide) and 池塘 (a pond) are everyday nouns that begin
    with a venue word of one character: no venue's name ends at that character, and a city before one is the
    city's ("宜宾山体滑坡")."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("山脚下的兰新铁路红柳至烟墩区段(无人机照片)。", {"sublocation": "兰新铁路", "city": None}),
])
def test_a_section_of_a_line_is_no_district(text, expected):
    """区段 is a section of a railway or a road: the 区 of it is no district's suffix ("红柳至烟墩区" is no city)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日，电力工人在110千伏朝阳变电站巡检设备。", {"sublocation": "朝阳变电站"}),
    ("修武县供电公司的员工正在检修220千伏柳湾变电站的设备。", {"sublocation": "柳湾变电站", "city": "修武县"}),
    ("5月3日，在某地一片工地上，工人运走了3千吨渣土。", {"sublocation": None}),
])
def test_a_substation_named_after_its_voltage_grade(text, expected):
    """A voltage grade (110千伏) names the substation after it, as 在 would: it is no quantity of a clause, and
    the name begins after it; a weight in 千吨 is still a quantity."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("②:2019年5月3日,湖南衡阳,在衡阳特变电工有限公司的车间里,一名工人正在作业。",
     {"province": "湖南", "city": "衡阳", "sublocation": None}),
])
def test_a_pictures_circled_number_opens_no_place(text, expected):
    """A picture's number, circled, before the date ("②:") is a mark like 图②: the place list after the date is
    the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2019年5月3日,广东佛山,在佛山顺德一家家电企业的车间,工人正在作业。",
     {"province": "广东", "city": "佛山", "sublocation": None}),
])
def test_a_city_of_the_chain_written_again_is_no_venue(text, expected):
    """A city the chain read, written again later in the sentence, is no venue for its last character (山 of
    佛山) and for being named twice."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("游客在湖边散步。（均新华社记者李小明摄）", {"photographer": "李小明", "agency": "Xinhua"}),
    ("游客在湖边散步。(均某某晚报记者李小明摄)", {"photographer": "李小明", "agency": "某某晚报"}),
    ("游客在湖边散步。（均为侨报记者李小明摄）", {"photographer": "李小明", "agency": None}),
])
def test_a_credit_for_every_picture_of_a_set(text, expected):
    """均 or 均为 (all of them) before a credit says it covers every picture of the set: no part of the outlet's
    name, which is read after it (or none, when what is left is too short to name one)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,巩义市供电公司米河镇供电所的电工登杆作业。", {"city": "巩义", "sublocation": None}),
    ("5月3日,淇县供电公司北阳镇供电所的一名电工登杆作业。", {"city": "淇县", "sublocation": None}),
])
def test_a_companys_branch_named_after_its_town(text, expected):
    """A company's branch named after the town it serves ("供电公司米河镇供电所") names no town of the scene: a
    unit-shaped name holding a company's word (公司, 集团) is no unit's name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,工人在如东海上风电场检修风机。", {"sublocation": "如东海上风电场"}),
    ("5月3日,乌克兰扎波罗热州,扎波罗热核电站。", {"sublocation": "扎波罗热核电站", "province": "扎波罗热州"}),
])
def test_a_power_plant_is_a_venue(text, expected):
    """A wind farm (风电场) and a power plant (核电站, 电站) end a venue's name, as a factory (厂) does: the name
    before the word is the plant's, not a city's."""
    check(text, expected)


#: A page that ran the picture's own caption above a story: the story's opening (a wire's dateline, a paper's
#: 【本报消息】) comes after the line that says what the picture shows.
ABOVE_THE_STORY = [
    ("a paper's story label below the picture's line", "中秋夜\n\n青松邨的燈籠吸引了街坊駐足\n\n【本報消息】"
     "昨晚中秋佳節，市區各處張燈結綵，天后廟道一帶人頭湧湧。", {"sublocation": "青松邨"}),
    ("a wire's dateline below a title that is the venue", "黄鹤楼（某某社 王小林摄）\n\n某某社武汉2月3日电（记者 "
     "王小林）一场春雪过后，古城游人如织。当晚，游客走进灯火通明的户部巷品尝小吃。", {"sublocation": "黄鹤楼"}),
    ("no venue above the story: the story's own", "民众挤满了现场。\n\n(吉隆坡5日讯)反对党今晚在甲洞文化广场举行"
     "集会，人潮汹涌。", {"sublocation": "甲洞文化广场"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ABOVE_THE_STORY], ids=[c[0] for c in ABOVE_THE_STORY])
def test_the_caption_above_a_story_names_the_venue(text, expected):
    check(text, expected)


#: Venue words of trails, lanes, headlands and high grounds, and the common words that end in them.
TRAILS_AND_LANES = [
    ("a hiking trail (径)", "5月1日，行山人士在卫奕信径第五段远足。", {"sublocation": "卫奕信径"}),
    ("a Shanghai lane (弄), its 弄堂 no part of the name", "夏夜，桂花弄弄堂口的老人摇着蒲扇。",
     {"sublocation": "桂花弄"}),
    ("a high ground (高地)", "4月2日，游客在鸣翠高地内赏花。", {"sublocation": "鸣翠高地"}),
    ("athletics (田径) is no trail", "5月1日，运动员在田径赛场上冲刺。", {"sublocation": None}),
    ("a way (途径) is no trail", "5月1日，市民通过这一途径办理业务。", {"sublocation": None}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in TRAILS_AND_LANES], ids=[c[0] for c in TRAILS_AND_LANES])
def test_trails_lanes_and_high_grounds(text, expected):
    check(text, expected)


#: A person's home or school named before them is their origin, not the scene, also where the clause opens with it.
ORIGINS = [
    ("a home opening the clause (家住)", "5月1日，家住西城区红星村的李大爷在公园打太极。",
     {"sublocation": None, "city": None}),
    ("a home after 住在", "住在石门坎的王家三代同堂，春节前贴起了春联。", {"sublocation": None, "city": None}),
    ("a school graduated from (毕业于)", "5月1日，毕业于同济大学的青年教师在实验室调试仪器。", {"sublocation": None}),
    ("the scene named after the origin stays", "5月1日，来自某某大学的志愿者在天坛公园服务游客。",
     {"sublocation": "天坛公园"}),
    ("a troupe's home village, 的, then the troupe at a fair elsewhere: the fair, in the city the next sentence names",
     "2月5日，河北蔚县宋家庄村的秧歌队在北山庙会上表演。当日，张家口市的北山庙会开幕。",
     {"sublocation": "北山", "city": "张家口", "province": None}),
    ("a troupe run into its home town's name, then at a mountain's fair",
     "2月5日，安徽宣城广德市东亭乡舞龙队在敬亭山庙会上表演。", {"sublocation": "敬亭山", "city": None}),
    ("a troupe at its own town's centre (镇区) performs at home: its chain stays",
     "图为浙江省龙泉市安仁镇锣鼓队在镇区广场演出。", {"city": "龙泉", "province": "浙江"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ORIGINS], ids=[c[0] for c in ORIGINS])
def test_a_home_or_school_before_a_person_is_no_scene(text, expected):
    check(text, expected)


#: A school's or a workplace's person named after it (a grade, 学生 or 护士, a name), then said to be elsewhere
#: (在...): the school is theirs, no site of the scene.
NAMED_MEMBERS = [
    ("a pupil named after the school, then at home", "5月1日，湖北省宜昌市东山小学四年级学生李小雨在家中上网课。",
     {"sublocation": None, "city": "宜昌"}),
    ("a nurse named after the hospital, then in a village",
     "5月1日，浙江省温州市仁爱医院护士陈红在村口为老人量血压。", {"sublocation": None}),
    ("a pupil named, then at a venue: the venue", "5月1日，湖北省宜昌市东山中学初二学生王小明在天安门广场参观。",
     {"sublocation": "天安门广场"}),
    ("the school's pupils, no name: the school", "5月1日，湖北省宜昌市东山小学的学生在操场上做操。",
     {"sublocation": "东山小学"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in NAMED_MEMBERS], ids=[c[0] for c in NAMED_MEMBERS])
def test_a_named_pupils_school_is_no_scene(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("晚上，记者在城里走了走\n\n街上渐渐有了人气\n\n①不少居民趁周末到清水湾公园散步\n\n②路口的早点摊排起了长队",
     {"sublocation": "清水湾公园"}),
    ("秋收时节\n\n图①：农民在金穗农场收割水稻\n\n图②：晾晒的稻谷", {"sublocation": "金穗农场"}),
])
def test_a_numbered_pictures_line_is_no_headline(text, expected):
    """A short line with no full stop above the caption is a headline, but one that opens with a picture's number
    (①, 图②) is that picture's caption: its venue is the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日，车主在加油站排队加油。", {"sublocation": None}),
    ("5月1日，乘客在地铁站内候车。", {"sublocation": None}),
    ("5月1日，居民在社区公园里健身。", {"sublocation": None}),
    ("5月1日，乘客在西直门地铁站内候车。", {"sublocation": "西直门地铁站"}),
])
def test_a_street_service_unnamed_is_no_venue(text, expected):
    """A petrol station, a metro station, a community park named by no name of their own are kinds of place, as
    "a park" is in English: no sublocation; one with a name before the kind is named."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日，观众在剧场观看演出。该剧由上海某某艺术中心出品，讲述一个家庭的故事。",
     {"sublocation": None, "city": None}),
    ("5月1日，演员在由杭州市文化馆主办的演出中表演。", {"sublocation": None, "city": None}),
])
def test_the_doer_of_a_passive_is_no_scene(text, expected):
    """由 before a body or a place names who does something (由X出品, 由X主办) or where it comes from: no scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日，在江西省瑞金市工业园区，工人在车间组装电机。",
     {"sublocation": "瑞金市工业园区", "city": "瑞金"}),
    ("宁化县工业园区近年引进了数十家企业。图为园区一家工厂的生产线。",
     {"sublocation": "宁化县工业园区", "city": "宁化县"}),
    ("5月1日，宁化县工业园区管委会工作人员走访企业。", {"sublocation": None}),
])
def test_a_park_named_by_its_county(text, expected):
    """An industrial park named by its county or city alone (X县工业园区) is the sublocation, the unit and the
    word; the unit stays the city (its stand-in); a body of the park (管委会) is no venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日清晨，一缕阳光洒进岳麓书院讲堂。", {"sublocation": "岳麓书院讲堂"}),
    ("1960年5月，春日阳光照进中南海，领导人在院中散步。", {"sublocation": "中南海"}),
])
def test_light_falling_into_a_venue(text, expected):
    """Light falling into a place (洒进, 照进) is a verb of passing: the venue's name begins after it."""
    check(text, expected)


def test_heavy_rain_in_taiwans_word_is_weather():
    """豪雨 (Taiwan's word for heavy rain) after a township is the weather there, no spot's name."""
    check("南投仁愛鄉豪雨過後道路坍方，居民合力清理。", {"sublocation": None, "city": "仁愛鄉"})  # (no spot: the
    # township is the city, its county the province)


@pytest.mark.parametrize("text, expected", [
    ("5月1日，沈阳市青年大街五里河站成了市民打卡的新去处。", {"sublocation": "青年大街五里河站"}),
    ("5月1日，学生们在沈阳市五里河公园站成一排合影。", {"sublocation": "五里河公园"}),
])
def test_a_stop_that_became_is_no_verb(text, expected):
    """站成 is a verb only before a row or a count (站成一排): a stop's name then 成了 ("became") ends the name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日上午，东湖街道和桃源社区在青石巷办起邻里节。", {"sublocation": "青石巷"}),
    ("5月1日，居民在东湖街道参加义诊活动。", {"sublocation": "东湖街道"}),
])
def test_a_subdistrict_is_no_street(text, expected):
    """街道 is a subdistrict's suffix: 街 at its start ends no street's name ("东湖街道和..." names no 东湖街)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("台南市中西區靠近赤崁樓的民族路昨晚湧入大批遊客。", {"sublocation": "民族路", "city": "台南"}),
    ("5月1日，游客在毗邻火车站的翠竹广场散步。", {"sublocation": "翠竹广场"}),
    ("5月1日，志愿者在靠近人民公园的地方发放传单。", {"sublocation": None}),
])
def test_a_landmark_near_the_scene(text, expected):
    """靠近, 毗邻 ("near") make the venue after them a landmark nearby: the venue named after 的 is the scene's,
    and with none, the landmark alone is no scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("天台县石梁镇张家村的望云亭", {"sublocation": "望云亭"}),
    ("苍南县的碧溪山", {"sublocation": "碧溪山"}),
])
def test_a_venue_word_of_one_character_ending_the_text(text, expected):
    """A one-character venue word (亭, 山) that ends the caption's text ends the name as it does before a stop."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("雨后西湖 王小明 摄", {"photographer": "王小明", "sublocation": "西湖"}),
    ("杭州西湖 王小明 摄", {"photographer": "王小明", "city": "杭州", "sublocation": "西湖"}),
    ("欧阳小明 王五 摄", {"photographer": "欧阳小明"}),
    ("彭小源 徐小欽 攝", {"photographer": "彭小源"}),
])
def test_a_picture_title_before_a_bare_credit(text, expected):
    """A short title then a name and 摄 ("雨后西湖 王小明 摄"): the title is the caption's words, and its place is read;
    a place or four characters with no compound surname first is no person's name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日，在湖南省郴州市汝城县热水镇长坪村，村民晾晒稻谷。", {"sublocation": "长坪村", "city": "郴州"}),
    ("5月1日，在浙江省宁波市奉化区长汀社区，居民参加活动。", {"sublocation": "长汀社区"}),
    ("5月1日，热水镇长王小明带领村民修路。", {"sublocation": None}),
])
def test_a_village_whose_name_begins_with_chang(text, expected):
    """镇长 and 区长 are titles, but a village or a community whose name begins with 长 may follow its town
    (热水镇长坪村): the chain goes on to it; a clause ending in a verb of roads (修路) names no road."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("近年来，宜宾市兴文县石海市民休闲公园新建了健身步道。", {"sublocation": "石海市民休闲公园", "city": "宜宾"}),
    ("5月1日，游客在临海市紫阳古街挂着灯笼的巷口拍照。", {"sublocation": "紫阳古街"}),
])
def test_a_verbs_aspect_after_a_venue_ends_its_name(text, expected):
    """了 and 着 mark a verb: a venue word after one (新建了健身步道) begins what the clause says, the name ended at
    the venue word before it; and a one-character venue word that opens a name (石 of 石海) ends none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日，县城滨河公园里，市民在晨练。", {"sublocation": "滨河公园"}),
    ("5月3日，怡保市中心的休罗街今晚人潮涌动。", {"sublocation": "休罗街"}),
    ("5月3日，某某市中心人潮涌动。", {"sublocation": None}),
])
def test_a_part_of_a_city_before_a_venue(text, expected):
    """A county town (县城) or a city's centre (市中心) named by no name of its own is no part of the venue after it,
    and a name ending in one is no venue: the venue after 的 is the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("（怡保5日讯）大批民众今日到霹雳洞参观。", {"sublocation": "霹雳洞", "city": "怡保"}),
    ("（新山5日讯）家长们一早就赶到柔佛动物园排队。", {"sublocation": "柔佛动物园"}),
])
def test_a_venue_gone_to_after_a_dateline(text, expected):
    """到 ("to", going there) before a venue the chain did not reach counts as the words a place follows, and a
    verb of visiting after the venue (参观) begins no name: the venue is read beside the dateline's city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日，在湖南省长沙市岳麓区清水塘会址，游客参观。", {"sublocation": "清水塘会址", "city": "长沙"}),
    ("5月3日，游客在西安八路军办事处旧址参观。", {"sublocation": "八路军办事处旧址", "city": "西安"}),
])
def test_a_historic_site(text, expected):
    """旧址, 会址 and 故址 (the site where something was) end a venue's name, as 遗址 does."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("6月2日，在甘肃省某某县北部山区，羚羊在山坡上觅食。", {"sublocation": None, "province": "甘肃"}),
    ("6月2日，广西北部湾广场上，市民在散步。", {"sublocation": "北部湾广场"}),
    ("预计明天，河北省大部分地方道路将出现结冰。", {"sublocation": None, "province": "河北"}),
    ("秘书长孙小山上台致辞。", {"sublocation": None}),
    ("大山深处的某某乡王家坪村（6月2日摄）。", {"sublocation": "王家坪村"}),
    ("村民在某某镇李家湾村清理池塘。", {"sublocation": "李家湾村"}),
])
def test_words_that_look_like_a_venue_and_name_none(text, expected):
    """A side of the place just named with a kind of ground (北部山区), most of a place (大部分), a title then a
    person (秘书长孙小山), the mountains (大山) and a pond (池塘) name no venue: the village named beside them does,
    or nothing."""
@pytest.mark.parametrize("text, expected", [
    ("冬日的边境小城——绥芬河市,街头满是俄文招牌。", {"city": "绥芬河"}),
    ("春节期间,奉化锦屏公园游人如织。", {"city": "奉化", "sublocation": "锦屏公园"}),
    ("5月3日,一轮明月与甘南拉卜楞寺相映。", {"city": "甘南", "sublocation": "拉卜楞寺"}),
    ("游客在西山漾溪公园散步。", {"city": None}),
])
def test_a_smaller_city_read_by_its_shape(text, expected):
    """Found by swapping the places of tune captions (tools/place_swap_zh.py): a city called one before a dash keeps
    no 市 in its name; a town of China whose name also reads as a county (the gazetteer's two sources agreeing)
    is a city right before a venue's name, as a bigger one is; one ending in a venue word (西山) is not."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("近日，禹城市某某镇王庄村的葫芦喜获丰收。", {"city": "禹城", "sublocation": "王庄村"}),
    ("近日，大城市里的年轻人来到乡村。", {"city": None}),
])
def test_a_city_named_with_cheng_before_a_unit_of_it(text, expected):
    """城市 ends many words (a city, 大城市), but a name ending in it with a town's suffix straight after is a city
    whose name ends in 城 (禹城市某某镇): the chain vouches for it."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日，记者拍下黎川县宏村镇青龙水库开闸泄洪的情景。", {"city": "黎川县", "sublocation": "青龙水库"}),
])
def test_the_place_a_camera_caught(text, expected):
    """拍下 (caught on camera) comes before the place photographed, as 航拍 does: the chain is read after it, not
    from the sentence's first characters."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在某某古城南大街，游客在一家面馆前排队（5月10日摄）。", {"city": None}),
])
def test_a_street_named_by_a_direction_is_no_city(text, expected):
    """A direction and a street's word (北大街, 东路) name a street of any town: no city, though the gazetteer knows
    subdistricts called so."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("周末，市民在厦门市思明区逛夜景，感受节日气氛。", {"sublocation": None, "city": "厦门"}),
    ("周末，市民在厦门市思明区觅食，感受节日气氛。", {"sublocation": None, "city": "厦门"}),
])
def test_what_people_do_after_a_unit_is_no_bare_name(text, expected):
    """A verb of what people do there (逛, strolling; 觅食, looking for food) right after a unit begins a clause:
    no bare name of a spot inside the unit."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("素有“江南后花园”之称的青云湖景区，游人如织。", {"sublocation": "青云湖景区"}),
    ("享有「塞上小江南」美誉的沙湖湿地公园，候鸟云集。", {"sublocation": "沙湖湿地公园"}),
])
def test_a_quoted_epithet_names_no_venue(text, expected):
    """Quotes that 之称 or 美誉 follows hold what a place is called ("江南后花园"): no venue or place is read
    inside them; the place they praise is named after them."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("归航 拍摄年代:1998 拍摄地点:某某渔港 拍摄者:林小海", {"date": "1998", "date_kind": "taken"}),
    ("归航 拍攝年代：2004 拍攝者：林小海", {"date": "2004", "date_kind": "taken"}),
    ("比分定格在2010:2008，观众起立鼓掌。", {"date": None}),
])
def test_a_year_field_of_a_labelled_caption(text, expected):
    """A year written alone after a label of the photo's date (拍摄年代:1998, no 年 after it) is the photo's year;
    a number after a colon that no date label opens is none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("登上山顶可俯瞰整个芜湖市，远眺江景。", {"city": "芜湖", "sublocation": None}),
])
def test_the_whole_of_a_place_is_no_name(text, expected):
    """整个 (the whole of) before a place is no part of its name: "整个芜湖市" is the city 芜湖, not 整个芜湖."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("八十年代以前并没有公路通往山里，村民只能步行。", {"sublocation": None}),
    ("阿芳不想家园被拆，四处奔走。", {"sublocation": None}),
    ("秋日,名古屋城天守阁矗立于翠绿园林之中。", {"sublocation": "城天守阁", "city": "名古屋"}),
    ("游客当中于议事亭前地合影。", {"sublocation": "议事亭前地"}),
])
def test_a_clause_is_no_venue(text, expected):
    """A negation (没有, 不想) is a clause's word, never a venue's name; 于 (at) between two venue words ends the
    name at the first (what comes after says where it stands), and a name holding 于 after its first characters
    is a clause's words, not a name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("这家豆腐坊在村里村外都有名气。", {"sublocation": None}),
    ("区内镇上的集市热闹非凡。", {"sublocation": None, "city": None}),
])
def test_in_the_village_opens_no_unit(text, expected):
    """A unit's suffix then a word of position (村里, 区内, 镇上: in the village, in the district) says where, and
    begins no unit's name: "村里村外" is no village called 村里."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("翠湖社区书画展，在青石文化中心开幕。", {"sublocation": "青石文化中心"}),
])
def test_an_event_after_a_unit_is_no_spot_of_it(text, expected):
    """An event's word (展, 比赛) ending the name right after a unit makes it the unit's event, no bare spot of it:
    the venue the event is held at, named after 在, is the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("夜色中的黑河市爱辉区中国北极村，灯火点点。", {"country": None, "city": "黑河"}),
])
def test_a_country_inside_a_villages_name(text, expected):
    """A country right after a city, before a village's suffix, begins the village's name (中国北极村), as it begins
    a venue's (苏州中国昆曲博物馆): a chain never climbs back to a country."""
    check(text, expected)
@pytest.mark.parametrize("text, expected", [
    ("这是黄河镇平市段的一座铁桥。", {"city": "镇平"}),
    ("这是长江宜宾市段的江面。", {"city": "宜宾"}),
    ("山城鞍山市的秋雨说来就来。", {"city": "鞍山"}),
    ("5月3日,湖南省长沙市岳麓区的书院里游人如织。", {"city": "长沙", "province": "湖南"}),
    ("5月3日,游客在银古路丽水社区散步。", {"city": None}),
])
def test_a_word_run_into_a_citys_name_and_suffix(text, expected):
    """A word that is no place (a river, a nickname) written right before a city the gazetteer knows and its
    suffix is no part of the city's name (黄河镇平市段 is 镇平's stretch of the river); a community's 社区 is no
    district's suffix, and a chain after its province is read as before."""
    check(text, expected)


def test_a_city_after_its_country_before_an_area_of_it():
    """Right after its country, a city the gazetteer knows heads the area named after it as a bare name there
    would be read ("日本大崎新桥地区": the city 大崎, then its area), though too small to head it alone."""
    check("4月1日,在日本大崎新桥地区,民众争相领取号外。",
          {"city": "大崎", "country": "日本", "sublocation": "新桥地区"})


@pytest.mark.parametrize("text, expected", [
    ("尼姆圆形竞技场外的游客与警察。", {"city": "尼姆", "sublocation": "圆形竞技场"}),
    ("在南希有民众集会。", {"city": None}),
])
def test_a_city_abroad_in_sounds_before_a_venue(text, expected):
    """A city abroad that the gazetteer knows, written in the characters of foreign sounds (尼姆, no word of
    Chinese), is a city right before a venue's name as a city of China is; alone after 在 it is not read (too
    small a city to be sure of without its country)."""
    check(text, expected)


def test_a_word_run_into_a_provinces_name_and_its_suffix():
    """A word that is no place run into a province's name and 省 ("晚清湖南省": a time, then the province) is no
    part of the province's name."""
    check("街边小贩。晚清湖南省市井生活老照片", {"province": "湖南"})
    check("5月3日,游客在湖南省博物馆参观。", {"province": None, "sublocation": "湖南省博物馆"})


def test_a_unit_right_after_a_city_is_below_it():
    """Right after a city, a longer unit is that city's (吉安新界埠镇: the town 新界埠镇), not another city the
    gazetteer knows (新界, Hong Kong's) heading a unit of its own."""
    check("7月10日,在江西省吉安新界埠镇洲上村,村民正在收割早稻。", {"city": "吉安", "province": "江西"})


@pytest.mark.parametrize("text, expected", [
    ("5月3日,在位于老城最高处的凤鸣山观景亭前,游客拍照留念。", {"sublocation": "凤鸣山观景亭"}),
    ("5月3日,在政府的帮助下,村民修好了道路。", {"sublocation": None}),
])
def test_a_venue_that_a_place_word_leads_to_past_a_description(text, expected):
    """在 or 来到, then 位于 and a description ending in 的: the venue after the 的 is the one 在 leads to (as right
    after 在)."""
    check(text, expected)


def test_a_one_character_venue_word_opening_a_common_noun_ends_no_scored_name():
    """The venue finder's candidate ends at 湿地, not at the 河 of 河道 (a channel, no venue of its own)."""
    from catalog.captions.chinese_venues import candidates
    from catalog.captions.chinese_words import simplified, words_for
    from catalog.captions.rules import load_rules

    words, _ = words_for(load_rules())
    text = "龙舟队来到位于县城西郊的青峰湿地河道里比赛。"
    names = [c.name for c in candidates(text, simplified(text), [(0, len(text), False)], words)]
    assert names == ["青峰湿地"]


def test_a_city_before_an_ethnic_township():
    """A city the gazetteer knows heads an ethnic township written after it (郴州文明瑶族乡) as it heads any town:
    the people's name makes a township's name, not an autonomous prefecture's."""
    check("9月17日,郴州文明瑶族乡中心小学,学生们合影留念。", {"city": "郴州"})


@pytest.mark.parametrize("text, expected", [
    ("8月11日拍摄的乌海城市风貌。", {"city": "乌海", "sublocation": None}),
    ("8月11日拍摄的日喀则街景。", {"city": "日喀则", "sublocation": None}),
    ("8月11日,游客远眺北京城市天际线。", {"city": "北京", "sublocation": None}),
])
def test_a_view_of_a_city_names_the_city(text, expected):
    """What a photo shows of a city, its streets (街景), its face (风貌, 城市风貌) or its skyline (天际线), right after
    the city's name: the city is the scene; 街景 is no street's name, nor 城市 a city called X城."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在山东省日照,由河南省某种业公司选育的玉米新品种获得丰收。", {"city": "日照", "province": "山东"}),
    ("在浙江省青禾县,来自江西省的游客在古村参观。", {"city": "青禾县", "province": "浙江"}),
])
def test_a_unit_after_a_word_of_origin_is_no_part_of_the_chain(text, expected):
    """A chain that runs on past a comma stops at a word of origin or of reference (由, 来自): 由河南省 is where the
    seed comes from, no unit named 由河南 below the city, and the city before it stays the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("当地时间10月18日,美国纽约、芝加哥等地举行抗议。图为芝加哥抗议现场。", {"city": "芝加哥", "country": "美国"}),
    ("10月18日,江苏南京、苏州等地迎来降雪。图为游客在苏州拙政园赏雪。",
     {"city": "苏州", "sublocation": "拙政园", "province": "江苏"}),
    ("10月18日,江苏南京、苏州等地迎来降雪。图为游客在浙江杭州西湖赏雪。", {"city": None, "province": "江苏"}),
])
def test_a_picture_sentence_after_a_list_of_places(text, expected):
    """The dated sentence lists places and keeps only what holds them (美国, 江苏); a later sentence saying what the
    picture shows (图为) names the one it is, which is read, with the province or country of the list; one in
    another province is left unread."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,在苏州吴江同里古镇,游人如织。", {"city": "苏州", "sublocation": "吴江同里古镇"}),
    ("5月3日,游客在长江同黄河交汇处游览。", {"sublocation": "长江"}),
])
def test_a_bare_county_then_a_name_that_tong_begins(text, expected):
    """A county written bare after its city (吴江: its 江 no river) and a name beginning with 同 (同里古镇): 同 is the
    name's first character, not "with", when a venue word of two characters or more ends it; a river with another
    (长江同黄河) stays apart."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,选手们在泥泞路段上奋力角逐。", {"sublocation": None}),
    ("5月3日,车辆在结冰路面上缓慢行驶。", {"sublocation": None}),
    ("5月3日,民众蹚水上教堂。", {"sublocation": None}),
    ("5月3日,民众在青禾路上散步。", {"sublocation": "青禾路"}),
])
def test_the_state_of_a_road_or_wading_names_no_venue(text, expected):
    """The state of a road or a ground (泥泞, 结冰, 积水) begins no name, and wading (蹚水) is what people do on the
    way: no venue's name holds them; a road named by its name stays one."""
    check(text, expected)


def test_a_rivers_branch_after_the_river_is_the_scene():
    """A river then 的支流 and its branch's name (湄公河的支流美萩河): the river is a reference point, as a venue
    before 对面 or 脚下的 is; the branch is the scene."""
    check("5月3日,在青禾河的支流云溪河,村民捕鱼。", {"sublocation": "云溪河"})


@pytest.mark.parametrize("text, expected", [
    ("5月3日,民众在旺角前广场集会。", {"sublocation": "旺角", "city": "香港"}),
    ("5月3日,市民在青禾火车站前广场跳舞。", {"sublocation": "青禾火车站前广场"}),
])
def test_a_square_in_front_of_a_place_just_named(text, expected):
    """前 and a venue word right after a place of the chain (旺角前广场: the square in front of Mong Kok) is no
    venue's name; the place is the site. After a venue's name (火车站前广场) the whole is the venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,游客在海边的小渔村拍照。", {"sublocation": None}),
    ("5月3日,游客在大山深处的小山村拍照。", {"sublocation": None}),
    ("5月3日,游客在青禾渔村拍照。", {"sublocation": "青禾渔村"}),
])
def test_a_small_village_of_a_kind_is_no_village_named(text, expected):
    """小渔村 (a small fishing village) and 小山村 alone are a kind of village, no village's name (the 村 a unit's
    suffix with 小渔 read as its name); a village named so (青禾渔村) stays one."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在辽宁大石桥市平安镇,农民在稻田间捡拾稻穗。", {"city": "大石桥", "province": "辽宁", "sublocation": "平安镇"}),
    ("在辽宁省大石桥市,农民在稻田间捡拾稻穗。", {"city": "大石桥", "province": "辽宁"}),
])
def test_a_city_whose_name_holds_a_smaller_towns(text, expected):
    """A city with 市 whose name begins with a town's the gazetteer knows (大石桥市: 大石): no city has a name of one
    character before 市, so 大石 heads no unit 桥市, and the city is the whole name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("1月1日,廊坊市元旦夜晚,市民在广场上观看烟花。", {"city": "廊坊", "sublocation": None}),
    ("1月15日,厦门市思明区曾厝垵,游客如织。", {"city": "厦门", "sublocation": "曾厝垵"}),
])
def test_a_named_day_after_a_unit_is_no_spot(text, expected):
    """A bare name after a unit, ending its clause, is a spot of it (曾厝垵); a day named there (元旦夜晚, New Year's
    night) says when, not where."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,记者在青禾广场做街访。", {"sublocation": "青禾广场"}),
    ("5月3日,摄影师在青禾步行街街拍。", {"sublocation": "青禾步行街"}),
])
def test_street_interviews_and_street_photos_end_the_venue(text, expected):
    """街访 (a street interview) and 街拍 (street photos) after a venue are what is done there: their 街 is no
    street's, and the name ends before them."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("志工在花蓮縣光復鄉災區清淤。", {"province": "花蓮縣", "city": "光復鄉"}),
    ("5月3日,志愿者在四川省汶川县映秀镇灾区清淤。", {"city": "汶川县", "sublocation": "映秀镇"}),
])
def test_a_town_then_its_stricken_area(text, expected):
    """A town or a township with its suffix, then 灾区 (its stricken area): the unit is the town, not one named
    光復鄉災 with 区, and the chain keeps it."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("【青禾古镇】夜色中的古镇灯火辉煌。", {"sublocation": "青禾古镇"}),
    ("【云溪日报综合报道】周六清晨,街头发生枪击。", {"sublocation": None}),
    ("【决战完胜 走向小康】一个村庄的重生。", {"sublocation": None}),
])
def test_a_place_in_the_title_a_sentence_opens_with(text, expected):
    """A 【...】 title opening a sentence whose words name no place: the place the title names is read; a paper's
    story label (综合报道) and a column's slogan name none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("▲被告今(3日)到新竹地院出庭應訊。(圖/記者王某攝)", {"sublocation": "新竹地院"}),
    ("被告今天到台中地方法院出庭。(記者李某攝)", {"sublocation": "台中地方法院"}),
    ("县长5日到民雄乡东荣国小出席开学典礼。(王某摄)", {"sublocation": "东荣国小"}),
    ("选手在奎沃国中进行比赛。(记者陈某摄)", {"sublocation": "奎沃国中"}),
])
def test_courts_and_taiwan_schools_are_venues(text, expected):
    """Courts (法院, and Taiwan's 地院 written short) and Taiwan's schools (国小, 国中) end a venue's name, and a
    city's name before a court is the court's first word (台中地方法院), as before a university."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月6日,江苏省连云港市奎沃盐场的工人正忙着扒盐。", {"sublocation": "奎沃盐场", "city": "连云港"}),
    ("候鸟栖息在南昌县奎沃垦殖场境内。", {"sublocation": "奎沃垦殖场", "city": "南昌县"}),
    ("工人们在盐场里忙着扒盐。", {"sublocation": None}),
])
def test_salt_works_and_reclamation_farms_are_venues(text, expected):
    """Salt works (盐场) and land-reclamation farms (垦殖场) end a venue's name, as 林场 and 农场 do; the word alone
    names none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3.奎沃县奎沃镇上河村村民把玉米摊开晾晒。", {"city": "奎沃县", "sublocation": "上河村"}),
    ("某报记者 王某 摄影报道 12.平遥县段村镇村民晾晒辣椒。", {"city": "平遥县"}),
    ("3. 奎沃县奎沃镇上河村村民晾晒玉米。", {"city": "奎沃县"}),
])
def test_a_numbered_item_of_a_picture_list(text, expected):
    """A picture's number in a list ("3.", "12.") at a sentence's start is no part of the place after it: the
    chain begins after the number, as after a space."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("大年初一,阿巴嘎旗别力古台镇牧民给牛添草料。", {"city": "阿巴嘎旗", "sublocation": "别力古台镇"}),
    ("在阿巴嘎旗,牧民放羊。", {"city": "阿巴嘎旗"}),
    ("徐州沛县农民收割小麦。", {"city": "徐州"}),
])
def test_a_banner_is_not_cut_after_a_known_name(text, expected):
    """No banner (旗) is named by one character, so a known name that opens a banner's (阿巴 of 阿巴嘎旗, a city
    abroad) is no city before a banner of one character: the banner is read whole; a county of one character
    after its city (徐州沛县) still is."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃岛海域“海上牧场”养殖区内,渔民正忙着捞起大黄鱼。", {"city": None}),
    ("工程船在三峡坝区南岸施工。", {"city": None}),
    ("在奎沃县种植区,农民采茶。", {"city": "奎沃县"}),
])
def test_farmed_and_dam_areas_are_no_districts(text, expected):
    """An area named by what is farmed or built there (养殖区, 种植区, a dam's 坝区) ends in 区 and is no district:
    no city is read from it."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月24日,超強颱風奎沃襲港,市區有大樹被吹倒。", {"sublocation": None}),
    ("台风袭港,维多利亚港巨浪翻腾。", {"sublocation": "维多利亚港"}),
    ("花農走進菊花園趕摘菊花。", {"sublocation": None}),
    ("游客在奎沃菊花园赏花。", {"sublocation": "奎沃菊花园"}),
])
def test_striking_hong_kong_and_a_chrysanthemum_garden_name_no_venue(text, expected):
    """袭港 (a storm strikes Hong Kong), 访港 and 赴港 are verbs that end in 港, no harbour's name; a garden of
    chrysanthemums (菊花园) with no name of its own is a common noun, as 桃花园 is."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月25日,内蒙古呼伦贝尔奎沃赛区,冬运会双人滑比赛进行。",
     {"sublocation": "奎沃赛区", "city": "呼伦贝尔", "province": "内蒙古"}),
    ("志愿者在赛区服务。", {"sublocation": None}),
    ("各赛区的比赛结束。", {"sublocation": None}),
])
def test_a_games_competition_zone_is_a_venue(text, expected):
    """A games' competition zone named after its town (某某赛区) is where the event is, a venue; the word alone,
    or after 各, names none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("图为江苏金桥盐业公司奎沃盐场的工人在盐田里作业。", {"city": None, "province": "江苏"}),
    ("图为江苏金桥渔业有限公司的渔船归港。", {"city": None}),
])
def test_a_place_opening_a_companys_name_is_no_city(text, expected):
    """A known place's name right before a trade and a company's word (金桥盐业公司, a salt company) is the
    company's first word, no city of the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("几艘渔船停在福建霞浦县奎沃村的小港湾里。", {"sublocation": "奎沃村"}),
    ("几艘渔船停在霞浦县的小港湾里。", {"sublocation": None, "city": "霞浦县"}),
    ("奎沃高速跨越国道的上跨桥正在架梁。", {"sublocation": None}),
    ("大马尼拉地区一座购物商场的美食广场仍不让民众内用。", {"sublocation": None}),
    ("游船驶入奎沃港湾。", {"sublocation": "奎沃港湾"}),
])
def test_a_small_harbour_or_an_overpass_is_a_kind_of_place(text, expected):
    """A venue named only by its size or its build (小港湾, 上跨桥) is a kind of place, and so is a generic one
    joined by 的 to what holds it (一座商场的美食广场): no venue; the village before it, if any, is the place
    named."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("第六届奎沃论坛·第四届海峡客家风情节开幕 王小明 摄", {"sublocation": None}),
    ("三届奎沃山峡文化周开幕。", {"sublocation": None}),
    ("第五届奎沃节在奎沃广场开幕。", {"sublocation": "奎沃广场"}),
])
def test_a_name_holding_an_events_edition_is_no_venue(text, expected):
    """A venue-shaped name holding an event's edition (第四届, 六届) is the event's title (峡 of 海峡 ends no
    venue there); a venue named after the title, after 在, still is the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月14日,在奎沃市举行的春节晚会上,奎沃舞蹈学校的学生跳起舞蹈。", {"sublocation": None}),
    ("5月3日,在上海举行的义诊活动中,奎沃医院的护士为市民量血压。", {"sublocation": None, "city": "上海"}),
    ("奎沃小学的学生在操场上做操。", {"sublocation": "奎沃小学"}),
])
def test_the_body_its_people_come_from_is_no_venue_after_the_scene(text, expected):
    """A school or a workplace named after the scene the chain read, then 的 and a word of its people (的学生, 的
    护士), is where they come from, no site of the scene; one opening the caption, with no scene before it, stays."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃营胡同,老人在冬日的阳光下闲坐。", {"sublocation": "奎沃营胡同"}),
    ("在奎沃口胡同里,工人正在翻修老旧平房。", {"sublocation": "奎沃口胡同"}),
    ("北京东城区奎沃胡同,居民在门前下棋。", {"sublocation": "奎沃胡同", "city": "北京"}),
    ("奎沃江同黄河在此交汇。", {"sublocation": "奎沃江"}),
])
def test_a_lane_ends_in_the_linking_character_of_its_venue_word(text, expected):
    """胡同 (a lane) ends in 同, which also links two names ("with"): where 同 is the last of a venue word it ends
    the lane's name and links nothing; after another venue word (江同) it still links."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("国庆假期,许多热门景区游人如织。", {"sublocation": None}),
    ("示威者在奎沃慢驶,车队一度占用奎沃大道中两条行车线。", {"sublocation": None}),
    ("国庆假期,奎沃山景区游人如织。", {"sublocation": "奎沃山景区"}),
])
def test_a_run_holding_a_count_or_a_clauses_verb_is_no_venue(text, expected):
    """许多 (many) before a venue word counts places of a kind, and 一度占用 (once took up) is a clause's: a run
    holding one names no venue, so none is read rather than a piece of the clause."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月8日,奎沃市林川镇山间梯田里的稻谷渐渐换上金装。", {"sublocation": "林川镇", "city": "奎沃"}),
    ("农民在奎沃县石岭乡田间菜地采收蔬菜。", {"sublocation": "石岭乡", "city": "奎沃县"}),
    ("10月8日,奎沃市林川镇云岭梯田里的稻谷渐渐换上金装。", {"sublocation": "云岭梯田"}),
])
def test_where_a_kind_of_place_lies_is_no_name(text, expected):
    """山间 (among the hills), 田间, 林间 say where a kind of place lies (山间梯田: terraces in the hills), naming none
    of it: the town named before it is the place named."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃水塘人气旺盛,不少市民前来拍照。", {"sublocation": "奎沃水塘"}),
    ("行山人士在城门水塘烧烤。", {"sublocation": "城门水塘"}),
    ("村民在村里的水塘边洗衣。", {"sublocation": None}),
])
def test_a_reservoir_named_as_hong_kong_names_them_is_a_venue(text, expected):
    """水塘 ends a reservoir's name as Hong Kong writes its old ones (城门水塘); alone it is a pond, no name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃河河面上演龙舟竞渡。", {"sublocation": "奎沃河"}),
    ("奎沃湖湖面结冰,市民在冰上游玩。", {"sublocation": "奎沃湖"}),
    ("台南铁路地下化后,月台候车的画面将走入历史。", {"sublocation": None}),
])
def test_a_rivers_face_and_a_railway_name_no_venue(text, expected):
    """河面 and 湖面 (the water's face) begin a word after a river's or a lake's name, no second river; 铁路 (the
    railway) alone is a common noun, no venue's name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃国际会展中心及周边城区。", {"city": None, "sublocation": "奎沃国际会展中心"}),
    ("暴雨过后,奎沃体育馆及周边地区一片泥泞。", {"city": None}),
])
def test_the_area_around_a_place_is_no_district(text, expected):
    """周边城区 and 周边地区 (the area around) end like a district or a prefecture but name none, as 中心城区 and
    主城区 do: no city is read from them."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("东南区邻里嘉年华星期天在奎沃大厦举行。", {"city": None, "sublocation": "奎沃大厦"}),
    ("7月1日,西北区居民在广场跳舞。", {"city": None}),
    ("科考船日前到达距离奎沃站44公里处的陆缘冰区。冰上探路确定卸货路线后,卸运开始。",
     {"city": None, "sublocation": None}),
    ("7月1日,在合肥市蜀山区,居民在广场跳舞。", {"city": "合肥"}),
])
def test_an_area_by_its_compass_quarter_or_its_ice_is_no_district(text, expected):
    """A compass quarter and 区 alone (东南区, 西北区) and a zone of ice (陆缘冰区) end like a district but name none:
    no city is read from them; a distance from a landmark (距离X站) names no venue, nor does a route (路线)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("7月7日,阿婆蹬着三轮车经过泉州西街。", {"city": "泉州", "sublocation": "西街"}),
    ("7月7日,在西安北大街,游客拍照。", {"city": "西安", "sublocation": "北大街"}),
    ("7月7日,在上海南京东路,游客拍照。", {"city": "上海", "sublocation": "南京东路"}),
    ("7月7日,在奎沃西街,游客拍照。", {"city": None, "sublocation": "奎沃西街"}),
    ("张家口草原天路沿线一景(无人机照片)。", {"city": "张家口", "sublocation": "草原天路"}),
    ("7月1日,在呼伦贝尔草原,游客拍照。", {"city": None, "sublocation": "呼伦贝尔草原"}),
    ("7月1日,在广州塔,游客拍照。", {"city": None, "sublocation": "广州塔"}),
])
def test_a_bare_city_before_its_own_street_or_a_road_opened_by_a_venue_word(text, expected):
    """A direction and 街 or 大街 after a city's name (泉州西街) is that city's street, so the city is the scene's; a
    road (路) so named is named after the city, found in many (南京东路). A venue word of two characters opening a
    road's longer name (草原天路) leaves the city before it the scene's; a venue of one venue word keeps its name whole
    (呼伦贝尔草原, 广州塔)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("图为福建南靖塔下村的土楼群(3月27日摄)。", {"province": "福建", "city": "南靖", "sublocation": "塔下村"}),
    ("7月1日,在福建南靖山下村,村民插秧。", {"city": "南靖", "sublocation": "山下村"}),
    ("7月1日,在奎沃县岭前村,村民插秧。", {"city": "奎沃县", "sublocation": "岭前村"}),
    ("7月1日,在奎沃塔下,村民乘凉。", {"sublocation": "奎沃塔"}),
])
def test_a_village_named_by_the_site_it_lies_by(text, expected):
    """A venue word of one character, a word of position and a village's suffix (塔下村, 山下村) name a village by
    where it lies: the venue word opens the village's name, so no venue (南靖塔) ends there and the county before it
    is the city; with no village's suffix after it, the tower is still the venue (奎沃塔下: below the tower)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("熱帶風暴塔奎襲港,天文台改掛8號風球,尖沙咀海傍有不少市民聚集。", {"sublocation": "尖沙咀"}),
    ("超强台风山竹袭港,奎沃村有大树被吹倒。", {"sublocation": "奎沃村"}),
    ("强台风奎园登陆前,渔船回港避风。", {"sublocation": None}),
])
def test_a_storms_name_holds_no_venue(text, expected):
    """A storm (风暴, 台风, 飓风) and its name begin no venue's name, though a venue word sits inside it (熱帶風暴塔奎:
    塔): the place is the one the caption names after it."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月6日,渔船从舟山奎沃渔港驶出,出发前往东海渔场。", {"city": "舟山", "sublocation": "奎沃渔港"}),
    ("9月16日,大批漁船排隊從奎沃漁港駛出,準備出海。", {"sublocation": "奎沃漁港"}),
    ("8月6日,从奎沃港驶离的渔船停靠在舟山沈家门渔港。", {"city": "舟山", "sublocation": "沈家门渔港"}),
    ("日本大阪港驶出的一艘渡轮,停靠在韩国釜山港。", {"sublocation": "釜山港", "country": "韩国"}),
])
def test_a_port_the_photo_shows_boats_leaving_is_the_scene(text, expected):
    """从, a place and a verb of setting out as the clause's predicate (渔船从某港驶出,) say where the photo shows the
    boats leaving: the port is the scene, not the fishing grounds they head for; a verb of setting out before 的
    describes the boats by the port they left (从某港驶离的渔船), no scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("11月21日,河北承德下了今冬第一场雪。图为白雪覆盖下的奎沃寺。",
     {"province": "河北", "city": "承德", "sublocation": "奎沃寺"}),
    ("7月24日,海南三沙市迎来游客。图为三沙市奎沃岛海边,渔民向游客推销鱼干。",
     {"city": "三沙", "sublocation": "奎沃岛"}),
    ("11月21日,河北承德下了今冬第一场雪。图为游客在北京奎沃公园游览。", {"city": "承德", "sublocation": None}),
    ("11月23日,在新疆呼图壁县南部山区,岩羊在峭壁上腾跃。图为北山羊在陡峭绝壁行走。",
     {"city": "呼图壁县", "sublocation": None}),
    ("二月二十三日晚,美国旧金山举行农历新年大巡游。图为“全美华埠小姐”的获奖者参加大巡游。",
     {"city": "旧金山", "sublocation": None}),
])
def test_the_venue_a_later_picture_sentence_shows(text, expected):
    """A dated sentence that names the city and no venue, then a sentence saying what the picture shows (图为...)
    with a venue: the venue is the scene's, in that city; not when the picture's sentence names another city, nor a
    venue word inside a longer word (北山羊, an ibex) or a title (全美华埠小姐)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月17日,飞船的返回舱在奎沃着陆场成功着陆。", {"sublocation": "奎沃着陆场"}),
    ("9月17日,火箭在奎沃航天发射场点火升空。", {"sublocation": "奎沃航天发射场"}),
    ("游客挂着灯笼在奎沃公园散步。", {"sublocation": "奎沃公园"}),
])
def test_a_spacecrafts_landing_or_launch_site_is_a_venue(text, expected):
    """着陆场 and 发射场 end a site's name (东风着陆场); 着 of 着陆 (to land) is no particle of a verb's aspect,
    which no venue's name holds (挂着)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月8日,内蒙古阿拉善盟,游客在奎沃胡杨林景区游玩。", {"province": "内蒙古", "city": "阿拉善盟"}),
    ("10月8日,内蒙古兴安盟,游客在景区游玩。", {"city": "兴安盟"}),
    ("10月8日,内蒙古阿巴嘎旗,牧民转场。", {"city": "阿巴嘎旗"}),
])
def test_no_league_is_named_by_one_character(text, expected):
    """Inner Mongolia's leagues (盟), like its banners (旗), have names of two characters or more: a known name opening
    one (阿拉 of 阿拉善盟) is no city before a league 善盟; the league is the unit, whole."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月20日,在小城克山,市民看冰雕。", {"city": "克山", "sublocation": None}),
    ("2月20日,在黄山市黄山风景区,游客看日出。", {"city": "黄山", "sublocation": "黄山风景区"}),
])
def test_the_city_read_again_as_a_venue_is_no_site(text, expected):
    """A city whose name ends in a venue word (克山: 山) read both as the city and as the venue names no site of its
    own: the venue is left out (a venue named after the city, 黄山风景区, stays)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月16日,航拍穿沈阳市而过的沱江。", {"city": "沈阳"}),
    ("“五一”假期里,记者把镜头对准洛阳市城里的劳动者。", {"city": "洛阳"}),
    ("2月16日,航拍穿凤凰县城而过的沱江。", {"city": "凤凰县"}),
    ("8月9日,准格尔旗的牧民在草原上转场。", {"city": "准格尔旗"}),
])
def test_a_verb_of_one_character_run_into_a_units_name(text, expected):
    """A verb of one character that a place follows (穿 of 穿城而过, 准 of 对准: places.run_in_verbs) runs into the name
    of the unit after it: the unit begins after the verb when the whole is no name the gazetteer knows and the
    rest is a city or a county it knows; a known name that begins with such a character is whole (准格尔旗)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("1月28日,奎沃大雾弥漫,部分城区主要道路能见度不足百米。", {"city": None, "sublocation": None}),
    ("大雾弥漫,主要道路能见度不足百米。", {"sublocation": None}),
    ("部分路段积雪。", {"sublocation": None}),
    ("海滨城市连云港是我国有名的海港码头,渔民在岛上生活。", {"sublocation": None}),
    ("1月28日,游客在奎沃公园的主要步道上散步。", {"sublocation": "奎沃公园"}),
])
def test_the_main_roads_and_a_seaport_name_no_venue(text, expected):
    """主要 (the main) and 部分 (some of) begin no venue's name (places.not_names) and no unit's: "主要道路" ranks
    roads, "部分城区" counts districts, naming none; a seaport (海港码头) is a kind of place, no name
    (places.not_venue_names)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("游客在广西全州县奎沃镇游玩。", {"province": "广西", "city": "全州县", "sublocation": "奎沃镇"}),
    ("1月26日,北京市大兴区全奎镇的花会开了场。", {"city": "北京", "sublocation": "全奎镇"}),
    ("在松阳县人沃村,游客在古桥下游玩。", {"city": "松阳县", "sublocation": "人沃村"}),
    ("在奎沃县全县范围内开展植树活动。", {"city": "奎沃县", "sublocation": None}),
])
def test_a_unit_after_a_larger_one_may_begin_with_a_word_of_the_whole(text, expected):
    """Right after a larger unit, a unit's name of three characters or more may begin with 全 (全州县, 全椒县) or 人
    (人和村), which elsewhere open words of the whole ("全县") or of people: the chain vouches for the name, as for
    城 and 两; "全县" itself stays no unit."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("航拍根河奎沃村。", {"city": "根河", "sublocation": "奎沃村"}),
    ("日前,林西奎沃街道举办全民广场舞大赛。", {"city": "林西", "sublocation": "奎沃街道"}),
    ("航拍白音特拉村。", {"city": None, "sublocation": "白音特拉村"}),
])
def test_a_county_written_bare_before_its_subdistrict_or_village(text, expected):
    """A county-level city written without its suffix, then a subdistrict (街道) or a village (村) with a name of two
    characters or more: the county is the city when two sources agree on its name (a town of China in the gazetteer
    and a county by its readings), as before a town (什邡蓥华镇); a village's long name that begins with no county
    is one name (白音特拉村)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月10日,奎沃村,金黄稻田与民宿相互交织。", {"sublocation": "奎沃村"}),
    ("10月10日,北京,奎沃国际会展中心,观众参观展览。", {"sublocation": "奎沃国际会展中心"}),
])
def test_two_things_a_clause_lists_after_the_chain_name_no_venue(text, expected):
    """After a comma that ends the chain, a venue must be the whole clause; a clause that lists two things joined by 与
    ("金黄稻田与民宿", the fields and the guesthouses) names no venue, and the unit before it is the place."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("花垣县花垣镇奎沃村油菜冬种核心示范区里,油菜花开得正艳。", {"city": "花垣县", "sublocation": "奎沃村"}),
    ("在奎沃县奎沃镇金桥工业园区,工人在作业。", {"city": "奎沃县", "sublocation": "金桥工业园区"}),
])
def test_a_zone_written_right_after_its_village_is_the_villages(text, expected):
    """A zone (示范区, 园区: places.zones_unnamed) written right after the village that ends the chain lies inside
    the village, which is the place named (the larger one, as for a venue inside a venue); after a town, a named
    park stays the venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在奎沃镇素有粮仓之称的奎田村,农民插秧。", {"sublocation": "奎田村"}),
    ("在奎沃镇素有“花果之乡”美誉的奎田村,果农采摘。", {"sublocation": "奎田村"}),
    ("在奎沃县有“粮仓”之称的奎沃镇,农民插秧。", {"city": "奎沃县", "sublocation": "奎沃镇"}),
    ("在奎沃镇素有粮仓之称的奎田,农民插秧。", {"sublocation": "奎沃镇"}),
])
def test_a_smaller_unit_after_what_the_last_one_is_called(text, expected):
    """A unit, what it is called (素有, 有 or 享有, the name, a word of praise: places.epithets, and 的), then a unit
    below it: the chain goes on to the smaller unit, the place of the photo; a bare name there is left to the
    venue readers (the unit named stays the place)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("11月23日,航拍下的“福建土楼王”奎沃楼。", {"sublocation": "奎沃楼", "province": None}),
    ("11月23日,航拍下的“天下第一村”奎沃村。", {"sublocation": "奎沃村"}),
    ("游客在“上海之鱼”奎沃公园游玩。", {"sublocation": "奎沃公园"}),
    ("观众在“鸟巢”体育场里欢呼。", {"sublocation": "鸟巢"}),
])
def test_quotes_holding_what_the_venue_after_them_is_called(text, expected):
    """Quotes right before a venue's name of two characters or more before its venue word hold what the venue is
    called (“福建土楼王”, the king of Fujian's earthen houses): no chain begins inside them, and the venue after them
    is the place; a quoted name that a bare venue word follows (“鸟巢”体育场) stays the venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("修缮后的奎沃作业区引来许多游客参观。", {"city": None}),
    ("10月3日,奎沃港作业区,货轮靠港卸货。", {"city": None}),
])
def test_a_work_zone_is_no_district(text, expected):
    """作业区 (a work zone: a port's, a mine's) is a kind of area (places.not_units), no district that stands in for
    the city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("奎沃棚屋:奎沃是本港历史最悠久的渔村之一,那里的棚屋极具特色。", {"sublocation": None}),
    ("奎沃镇是中国历史文化名镇之一。", {"sublocation": "奎沃镇"}),
])
def test_one_of_a_kind_of_place_names_no_place(text, expected):
    """A unit's word right before 之一 (one of) names a kind of place the subject belongs to ("渔村之一", one of the
    fishing villages), no village of its own; the named unit that opens the sentence stays the place."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月7日,工人在位于同仁区的奎沃大桥施工现场忙碌。", {"city": "同仁区"}),
    ("市民在和平区奎沃公园散步。", {"city": "和平区", "sublocation": "奎沃公园"}),
    ("他在和朋友聊天时说起往事。", {"city": None, "sublocation": None}),
])
def test_a_units_name_opening_with_a_linking_character_after_zai(text, expected):
    """和 and 同 open units' names (和平区, 同仁区) as well as joining words: right after 在 or 于 they hold no "and",
    so the unit is read whole (not a district 仁区 or 平区 of one character)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("盛夏烈日下,奎沃阁矗立于翠绿园林之中。", {"sublocation": "奎沃阁"}),
    ("游客在奎沃园林景区游览。", {"sublocation": "奎沃园林景区"}),
])
def test_gardens_as_a_kind_end_no_venues_name(text, expected):
    """园 that opens 园林 (gardens, greenery as a kind: places.venue_word_as_noun) ends no venue's name ("翠绿园林",
    no garden named 翠绿园); the venue before it is the place, and a longer name past it is read whole."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("大风过后,两名男子在奎沃家属区散步。", {"city": None}),
    ("工作人员检查奎沃厂家属区的供电设备。", {"city": None}),
    ("8月3日,奎沃县城南区的居民在广场上跳舞。", {"city": "奎沃县"}),
])
def test_staff_quarters_are_no_district(text, expected):
    """家属区 (a work unit's staff quarters) is a kind of neighbourhood (places.not_units, beside 住宅区), no district
    that stands in for the city: "奎沃家属区" names no unit, while a unit written with its suffix stays read."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("夜里,城北交警大队值班民警例行巡查时发现奎沃路段路面结冰,立即设置警示标志。", {"sublocation": "奎沃路"}),
    ("凌晨,环卫工人和市政养护队员巡查时发现奎沃大道瑟岚路段积水严重,随即排水。", {"sublocation": "奎沃大道瑟岚路"}),
    ("夜里,城北交警大队民警在奎沃路巡逻,路面结冰。", {"sublocation": "奎沃路"}),
])
def test_a_road_found_at_the_end_of_a_long_run_is_read_from_its_start(text, expected):
    """A run of characters longer than a segment of the venue search is cut by length, and the next segment then
    begins inside a road's name (现奎沃路, or the whole clause before it): the name is read from right after the
    last word a place follows in the run (places.before_place, 发现 among them: found at)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("这是长江铜仁市段的奎沃大桥(无人机照片)。", {"city": "铜仁", "sublocation": "奎沃大桥"}),
    ("这是黄河奎沃市段的瑟岚大桥。", {"city": "奎沃", "sublocation": "瑟岚大桥"}),
    ("这是黄河奎沃县段的瑟岚大桥。", {"city": "奎沃县"}),
])
def test_a_river_run_into_a_city_before_its_stretch(text, expected):
    """A river written right before a city and its suffix ("长江铜仁市段": the river's stretch in the city) leaves
    the city alone: when the gazetteer holds the name with 市 as a city of China, however small (铜仁市 is too small
    to be read bare before a venue), and when a river's word (河, 江) ends the words before it and 段 follows the
    suffix, whether or not any table holds the name (奎沃)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("4月1日,在日本东京奎尔瓦,民众争相领取号外。", {"country": "日本", "city": "东京", "sublocation": "奎尔瓦"}),
    ("4月1日,在浙江杭州奎尔瓦,市民散步。", {"province": "浙江", "city": "杭州", "sublocation": "奎尔瓦"}),
    ("4月1日,在湖北武汉,民众游行。", {"province": "湖北", "city": "武汉", "sublocation": None}),
    ("2月21日,内蒙古呼伦贝尔奎尔瓦,莫洛山滑雪场,男子决赛。", {"city": "呼伦贝尔", "sublocation": "莫洛山滑雪场"}),
    ("2月21日,内蒙古呼伦贝尔市奎尔瓦,莫洛山滑雪场,男子决赛。", {"city": "呼伦贝尔", "sublocation": "莫洛山滑雪场"}),
])
def test_a_bare_name_after_a_bare_city_below_its_country_or_province(text, expected):
    """A city written bare after its country or province (日本东京, 浙江杭州) is read as the city a suffix would
    make it, so a bare name after it that ends its clause is a spot of it; a venue's name alone in the next clause
    (莫洛山滑雪场) is the more specific place, and the bare name before it only leads there."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("和奎尔廣場遊人如織。", {"sublocation": "和奎尔廣場"}),
    ("和平公园游人如织。", {"sublocation": "和平公园"}),
    ("影像记下了这座城市。 /  / 地点:同奎尔博物院。 /  / 上图摄于2020年2月22日。", {"sublocation": "同奎尔博物院"}),
    ("这是3月19日拍摄的和奎尔湖(无人机照片)。", {"sublocation": "和奎尔湖"}),
    ("3月1日,同市民一起在广场上跳舞。", {"sublocation": None}),
    ("和游客们一起在公园里散步。", {"sublocation": None}),
])
def test_a_link_opening_a_short_venue_name_where_nothing_comes_before_it(text, expected):
    """和 or 同 with nothing before it to link (a sentence's start, after a label's colon or 的) opens a venue's name
    when a venue word follows within a short name (和平公园); a link then a clause (同市民一起在广场) names none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月18日,在美国千橡的一所中学,学生们参观展览。", {"country": "美国", "city": "千橡"}),
    ("8月23日,韩国大邱,民众出席告别仪式。", {"country": "韩国", "city": "大邱"}),
    ("当地时间5月5日,泰国坤敬,民众沿街朝拜。", {"country": "泰国", "city": "坤敬"}),
    ("8月15日,日本市原一处神社门前,男子遭警察包围。", {"country": "日本", "city": "市原"}),
    ("当地时间3月1日,美国自由女神像前,游客拍照。", {"city": None}),
    ("当地时间3月1日,日本大邱,游客拍照。", {"city": None}),
])
def test_a_city_abroad_named_with_its_designator_only_written_bare_after_its_country(text, expected):
    """GeoNames names some cities abroad in Chinese only with a designator (千橡市, 坤敬市, 大邱广域市); right after
    their own country a caption writes them bare (美国千橡), and the country vouches for the weaker evidence: the
    city must lie in it (自由市 is Freetown, no city of the United States; 大邱 no city of Japan). A country's name
    never ends in a unit's suffix, so 日本市原 is Japan, then 市原."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("4月11日,演员们在广西南宁市奎尔瓦载歌载舞欢度节日。", {"city": "南宁", "sublocation": "奎尔瓦"}),
    ("当天在广东顺德奎尔瓦举办水乡文化节,吸引了数万名乡亲。", {"city": "顺德", "sublocation": "奎尔瓦"}),
    # (with no 在 too: a name right before a verb of holding, chinese_venues._name_where_held)
    ("当天广东顺德奎尔瓦举办水乡文化节,吸引了数万名乡亲。", {"city": "顺德", "sublocation": "奎尔瓦"}),
    ("重庆市奎沃段工作人员用推瘤机打磨钢轨。", {"city": "重庆", "sublocation": None}),
    ("浙江杭州萧山区城管队员工作到深夜。", {"city": "杭州", "sublocation": None}),
    ("中秋将至,浙江杭州奎尔瓦一片热闹,游客感受节日气氛。", {"city": "杭州", "sublocation": "奎尔瓦"}),
    ("当地时间27日下午,德国柏林又一次举行示威,参加者逾千人。", {"city": "柏林", "sublocation": None}),
    ("当地时间27日,德国柏林首次举办灯光节。", {"city": "柏林", "sublocation": None}),
    ("“绿色米都”奎尔瓦市稻谷飘香迎丰收。", {"sublocation": None}),
])
def test_a_bare_name_after_a_unit_ended_by_what_is_done_there(text, expected):
    """A bare name after a unit is read as a spot of it when what the whole of it is like (一片热闹) ends it, as a
    comma does, and, in a place phrase (after 在), what people do there (places.after_venue: 载歌载舞) or what is
    held there (places.held); a bare name right before a verb of holding with no 在 too (the venue finder's
    ``before_held`` candidate, since 2026-12-07: the labelled captions of that shape name the spot); not where the
    chain is the sentence's subject before other acts, as often a body's or people's (某市某段工作人员, 城管队员工作),
    not when a word of when or how stands there (places.manner: 又一次, 首次), nor before what happens alone
    (稻谷飘香, said of a crop)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月23日,韩国民众在大邱出席一场告别仪式。", {"city": "大邱"}),
    ("2月1日,法国华人社团在兰斯举办新春酒会。", {"city": "兰斯"}),
    ("1 / 沼津的日本海上自卫队基地里停着舰船。", {"city": "沼津"}),
    ("2月1日,华人社团在兰斯举办新春酒会。", {"city": None}),
    ("8月23日,法国民众在奎尔瓦集会。", {"city": None}),
    ("8月23日,美国游客在泰勒的陪同下参观。", {"city": None}),
])
def test_a_small_city_abroad_written_bare_where_the_caption_names_its_country(text, expected):
    """A city abroad too small to be read bare (兰斯, 沼津), or named by GeoNames only with a designator and big
    (大邱广域市), opening a clause or after 在 is read when the caption names its country elsewhere (法国华人社团,
    韩国民众): the two agree. Not without the country, nor before 的 and no venue (在泰勒的陪同下: a person)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月15日,日本东京奎尔瓦门前,一名男子遭警察包围。", {"city": "东京", "sublocation": "奎尔瓦"}),
    ("8月15日,日本东京奎沃门前,一名男子遭警察包围。", {"city": "东京", "sublocation": "奎沃"}),
    ("在成都市奎尔瓦的一家火锅店里,游客观看功夫茶表演。", {"city": "成都", "sublocation": "奎尔瓦"}),
    ("在杭州市中心的一家咖啡馆里,市民喝咖啡。", {"city": "杭州", "sublocation": None}),
    ("在广州市老城区的一家茶楼,市民喝早茶。", {"city": "广州", "sublocation": None}),
    ("在成都市街头的一家火锅店里,游客吃火锅。", {"city": "成都", "sublocation": None}),
])
def test_a_bare_name_after_a_unit_ended_by_its_gate_or_a_place_inside_it(text, expected):
    """A bare name after a unit ends before its gate (门前, 门口) or one place inside it (的一家, 的一处:
    places.spots_of_a_place), as before a comma, also where the clause ends right after (奎沃门前, is read as no
    name of four characters ending its clause, 前 a word of position); the city's centre, old town or streets stay
    no name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月1日,各界在九台举行大会。", {"city": "九台"}),
    ("1月28日,一位市民行走在开化街头。", {"city": "开化"}),
    ("2008年松原國際馬拉松賽在松原舉行。", {"city": "松原"}),
    ("10月1日,大会在中心举行。", {"city": None}),
    ("10月1日,大会在奎尔瓦举行。", {"city": None}),
    ("10月1日,大会在当地举行。", {"city": None}),
])
def test_a_small_town_of_china_where_something_is_held_or_on_its_streets(text, expected):
    """A bare name between 在 and what is held there or its streets (在九台举行, 在开化街头) is a whole place: a town
    of China too small to be read bare is the city when the gazetteer's town and the county readings agree, or the
    gazetteer holds it with 市 (松原市); not a venue's word (中心, though a town of Guangdong), nor a name no source
    knows (奎尔瓦)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月15日,日本东京奎尔瓦神社,参拜者排起长队。", {"city": "东京", "sublocation": "奎尔瓦神社"}),
    ("旧日的奎尔瓦大戲院今天重新開幕,街坊排隊入場。", {"sublocation": "奎尔瓦大戲院"}),
    ("市民在奎尔瓦茶室飲早茶。", {"sublocation": "奎尔瓦茶室"}),
    ("市民在茶室裏飲早茶。", {"sublocation": None}),
])
def test_shrines_theatres_and_tea_houses_are_venues(text, expected):
    """神社 (a Japanese shrine), 戏院 (a theatre or a cinema, as Hong Kong and Macao name them) and 茶室 (a tea
    house) end a venue's name, as 寺 and 剧院 do; the word alone names none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月1日晚在首都坎帕拉的议会厅举办庆祝活动。", {"city": "坎帕拉"}),
    ("3月1日,民众在位于首府里尔的会场集会。", {"city": "里尔"}),
    ("2015年9月6日,俄罗斯首都莫斯科,居民参加骑行巡游。", {"country": "俄罗斯", "city": "莫斯科"}),
    ("旅客在首都机场候机。", {"city": None}),
    ("2月1日晚在首都奎尔瓦的议会厅举办庆祝活动。", {"city": None}),
])
def test_a_capital_named_after_its_word_where_a_place_begins(text, expected):
    """A word of a capital (首都, 首府) where a place begins (after 在 or 位于) is followed by the capital's name,
    its country or region named before it or not at all; right after its country the word goes on that chain
    (俄罗斯首都莫斯科). 首都机场 names no capital, nor does a name no source knows (奎尔瓦)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("浙江杭州节日期间,游客如织。", {"city": "杭州", "sublocation": None}),
    ("浙江杭州开学之际一片热闹。", {"city": "杭州", "sublocation": None}),
    ("浙江杭州奎尔瓦,游客如织。", {"city": "杭州", "sublocation": "奎尔瓦"}),
])
def test_a_span_of_time_after_a_unit_is_no_bare_name(text, expected):
    """Words that end a span of time (places.time_spans: 期间, 之际, 前后) after a unit say when, not where: no bare
    name ends with one."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("广西河池的奎尔瓦博物馆迎来观众。", {"province": "广西", "city": "河池", "sublocation": "奎尔瓦博物馆"}),
    ("广西南宁的奎尔瓦博物馆迎来观众。", {"province": "广西", "city": "南宁", "sublocation": "奎尔瓦博物馆"}),
])
def test_a_city_of_the_province_whose_name_ends_in_a_venue_word(text, expected):
    """A city written bare after its province (广西河池) whose name ends in a venue word (池, a pond) is the city,
    not a venue named 广西河池, when it ends its phrase and the gazetteer (河池市) and the county readings of that
    province agree on it."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("长江重庆奎沃段的龙脊石上,留有历代文人墨客的诗文题刻。", {"city": "重庆", "sublocation": "龙脊石"}),
    ("长江宿州奎沃段的瑟岚石上,留有题刻。", {"city": "宿州", "sublocation": "瑟岚石"}),
    ("长江包头市奎沃段的瑟岚石上,留有题刻。", {"city": "包头", "sublocation": "瑟岚石"}),
    ("在杭州市奎沃路段的施工现场,工人正在作业。", {"city": "杭州", "sublocation": "奎沃路"}),
    ("这是黄河北道段的中山桥。", {"province": None}),
])
def test_a_smaller_place_no_table_holds_before_a_stretch(text, expected):
    """A river, its city, then a smaller place that no table holds (a county, a town) before 段 ("长江重庆某某段的
    龙脊石"): the city is the chain's and the venue after 的 the scene's, as when the smaller place is known; a name
    ending in a venue word before 段 is the venue's own stretch (奎沃路段), and one character left over before 段
    is no place (黄河北道段 holds no 河北)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月17日,在菲律宾马尼拉中国城,一位女子站在灯笼前留影。", {"city": "马尼拉", "sublocation": "中国城"}),
    ("在美国旧金山中国城,一位女子留影。", {"city": "旧金山", "sublocation": "中国城"}),
    ("在菲律宾马尼拉韩国城,一位女子留影。", {"city": "马尼拉", "sublocation": "韩国城"}),
])
def test_a_quarter_named_for_a_country_after_a_city_abroad(text, expected):
    """A country's name and 城 after a city abroad is a quarter of it (Chinatown, Koreatown), read as a bare spot of
    the city, though 中 is elsewhere a word of position that no bare name holds."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("中秋将至,上海奎沃一片热闹,游客感受节日气氛。", {"city": "上海", "sublocation": "奎沃"}),
    ("8月15日,北京奎沃门前,一名男子拍照。", {"city": "北京", "sublocation": "奎沃"}),
    ("重庆主城一片热闹。", {"sublocation": None}),
    ("重庆工务段工作人员用推瘤机打磨钢轨。", {"sublocation": None}),
    ("北京奎沃,一名男子拍照。", {"city": "北京", "sublocation": None}),
])
def test_a_bare_name_after_a_municipality_written_bare(text, expected):
    """A city that is a province of its own (上海, 北京), written bare, is the city a suffix would make it: a bare
    name after it is a spot of it where a part of it (门前) or what the whole of it is like (一片热闹) ends it;
    not at a comma alone, nor before what is done (工作, done by a body as often), and not its main urban area
    (主城)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("1月20日7时30分,北京奎沃环,一层薄雪落满屋顶。", {"city": "北京", "sublocation": "奎沃环"}),
    ("3月5日,杭州奎沃,游客在河边散步。", {"city": "杭州", "sublocation": "奎沃"}),
    ("2023年2月25日,在成都奎沃,市民赏花。", {"city": "成都", "sublocation": "奎沃"}),
    ("8月2日,北京冬奥组委,举行发布会。", {"city": "北京", "sublocation": None}),
    ("3月1日,上海奎沃队,在场上训练。", {"sublocation": None}),
    ("5月2日,杭州市民,排队购票。", {"city": "杭州", "sublocation": None}),
    ("5月2日,杭州今天,游客很多。", {"city": "杭州", "sublocation": None}),
    ("杭州奎沃,游客在河边散步。", {"sublocation": None}),
])
def test_a_bare_name_closing_the_dateline_place_line(text, expected):
    """A bare city alone opening the clause right after a dated one, then a bare name closing that clause, is the
    dateline's place line: the city and its spot ("1月20日,某市某某,"), as a suffix or a province before the city
    would show; not a body or a team named after the city, nor people or a time, nor with no date before."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月30日,在英国剑桥,警察朝一辆汽车走去。", {"country": "英国", "city": "剑桥", "sublocation": None}),
    ("5月30日,在美国剑桥,一名男子走过街头。", {"country": "美国", "city": "剑桥", "sublocation": None}),
    ("英国伍斯特,一名年轻女子驻足观看街头艺术。", {"country": "英国", "city": "伍斯特"}),
    ("5月30日,在美国伯明翰,民众参加集会。", {"country": "美国", "city": "伯明翰"}),
    ("5月30日,在日本剑桥,一名男子拍照。", {"city": None}),
    ("韩国联合参谋本部发布照片。", {"city": None}),
])
def test_a_city_abroad_whose_chinese_name_the_index_gives_to_a_namesake(text, expected):
    """GeoNames gives a Chinese name written in sounds to one namesake only (剑桥 to Cambridge, Ontario; 伍斯特 to
    Worcester, Massachusetts), while the sounds are every namesake's: right after a country that holds a city of the
    same own name (英国剑桥, 美国伯明翰), the name is that city, not a venue nor nothing. A country with no such
    namesake still leaves it out (日本剑桥), and a name of China's after a country abroad stays no city (韩国联合)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("中秋連假第一天,志工與軍人湧進奎沃鄉災區,4日人數明顯變少。", {"sublocation": "奎沃鄉"}),
    ("志工湧進奎沃鄉,協助清理。", {"sublocation": "奎沃鄉"}),
    ("游客涌入奎沃古镇,感受节日气氛。", {"sublocation": "奎沃古镇"}),
    ("5月1日,游客涌进杭州西湖景区。", {"city": "杭州", "sublocation": "西湖景区"}),
    ("大批游客涌入,景区人满为患。", {"sublocation": None}),
])
def test_a_place_crowds_pour_into(text, expected):
    """涌进 and 涌入 (crowds pouring into) are verbs a place follows, like 赶往 and 走进: the unit's or the venue's
    name begins after them, not with the people who pour in (志工與軍人湧進)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("12月28日,候鸟栖息在鄱阳湖畔南昌县奎沃垦殖场境内。", {"city": "南昌县", "sublocation": "奎沃垦殖场"}),
    ("12月28日,候鸟栖息在洱海边大理市喜洲镇。", {"city": "大理", "sublocation": "喜洲镇"}),
    ("12月28日,候鸟栖息在鄱阳湖畔。", {"city": None, "sublocation": "鄱阳湖"}),
    ("12月28日,游客在奎沃湖畔花园市场购物。", {"city": None}),
])
def test_a_county_by_the_water(text, expected):
    """A county or a county-level city written with its suffix right after a lake's, a river's or the sea's side
    (鄱阳湖畔南昌县) begins the scene's chain: the waterside is where the county lies, and read as the start of one
    venue it swallowed the county (鄱阳湖畔南昌县X垦殖场, no city). Nothing the gazetteer does not know as a county
    or a city is read there."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("志愿者帮楼顶的住户修好水管。", {"sublocation": None}),
    ("工人们领取面包和矿泉水。 孙小明 摄", {"sublocation": None}),
    ("这个路口,不少路砖已被撬走。", {"sublocation": None}),
    ("跨河而立的新城区变化很大。", {"sublocation": None}),
    ("跨江而建的奎沃新区灯火通明。", {"sublocation": None}),
    ("春节期间,市民素有来寺院祈福的习俗。记者在奎沃寺看到,香客络绎不绝。", {"sublocation": "奎沃寺"}),
    # ...while the name before its part stays a venue, and a spring or a temple is still named by its word
    ("市民在奎沃楼楼顶观看日出。", {"sublocation": "奎沃楼"}),
    ("游客在奎沃泉边取水。", {"sublocation": "奎沃泉"}),
])
def test_a_one_character_venue_word_opening_a_common_noun(text, expected):
    """A one-character venue word that opens an everyday noun (楼顶 a roof, 路砖 paving bricks, 泉水 spring water,
    寺院 temples as a kind) or a verb (跨河, spanning a river) ends no venue's name: the characters before it are a
    clause ("帮楼顶的住户", "领取矿泉水"), not a name; a name before the noun's word is still read."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("莱州的油菜花像奔涌的春潮扑面而来。", {"city": "莱州"}),
    ("9月3日,弥勒的秋色层层叠叠。", {"city": "弥勒"}),
    ("永安的茶园里,茶农正忙着采茶。", {"city": "永安"}),
    ("山城蔡甸的春雨说下就下。", {"city": "蔡甸"}),
    ("光明的未来就在眼前。", {"city": None}),
    ("民主的力量不可小看。", {"city": None}),
    ("奎沃的油菜花开了。", {"city": None}),
    ("西湖的荷花开了。", {"city": None}),
])
def test_a_small_city_before_what_it_shows(text, expected):
    """A small town of China that opens its clause before 的 and what a place shows (its flowers, fields, season,
    streets: places.town_sights with the views, the weather and the seasons) is the scene's county-level city,
    where the gazetteer's town and the county readings agree (莱州, 弥勒); an everyday word that names a town is
    followed by no such sight (光明的未来), a name no source knows is left out, and a lake's name is no city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("职棒新赛季30日在奎沃大巨蛋正式开打。", {"sublocation": "奎沃大巨蛋"}),
    ("4月14日,奎沃师专东校区的学生打起水仗。", {"sublocation": "奎沃师专东校区"}),
    ("2月1日晚,奎沃大区在位于首府的大区议会厅举办新春庆祝活动。", {"sublocation": "大区议会厅"}),
    ("6月3日,奎沃新闻办在奎沃新闻发布厅举行新闻发布会。", {"sublocation": "奎沃新闻发布厅"}),
    ("5月20日,奎沃火箭观礼平台正式投入使用。", {"sublocation": "奎沃火箭观礼平台"}),
    ("奎沃摩天观景轮号称世界最高的摩天轮。", {"sublocation": "奎沃摩天观景轮"}),
    # ...and a platform of a venue already named is part of it
    ("两名记者站在奎沃文化中心观景平台上远眺。", {"sublocation": "奎沃文化中心观景平台"}),
])
def test_venue_words_of_domes_campuses_halls_and_platforms(text, expected):
    """A domed stadium (巨蛋), a school's campus (校区), a hall of sittings or briefings (议会厅, 发布厅), a platform
    to watch from (观礼平台, 观景平台) and a big wheel (观景轮, 摩天轮) end venues' names as 体育场 and 会堂 do."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("古城正定在10月2日迎来客流高峰,游客如织。", {"city": "正定", "sublocation": None}),
    ("古城拜泉在10月2日迎来客流高峰。", {"city": "拜泉", "sublocation": None}),
    ("小城正定地处河北中部。", {"city": "正定"}),
    ("千年古城正定,游人如织。", {"city": "正定"}),
    ("水乡周庄的夜色。", {"city": None}),
    ("古城奎沃在10月2日迎来客流高峰。", {"city": None}),
])
def test_a_small_city_after_a_kind_of_city(text, expected):
    """A kind of city in apposition (古城, 小城, 山城: places.apposed) says a city is named after it, as a province
    would: a small town of China there, ended by 在, 的, a stop or where it lies (地处), is the city where the
    gazetteer's town and the county readings agree, even when its name ends in a venue word (拜泉, 克山: the city's,
    not a spring's); not after a town's kind (水乡周庄: a town of 昆山), and not a name no source knows."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("4月4日,市民在奎沃市图书馆捧书细读。", {"sublocation": "奎沃市图书馆"}),
    ("4月4日,市民在杭州市美术馆看画。", {"sublocation": "杭州市美术馆", "city": None}),
    # ...not where the word goes on into a body's name or a person's title, nor without 在
    ("市民在湖南省博物馆学会门前合影。", {"sublocation": None}),
    ("市民在杭州市体育馆馆长陪同下参观。", {"sublocation": None, "city": "杭州"}),
    ("杭州市图书馆捐出图书千册。", {"sublocation": None}),
])
def test_a_units_venue_after_zai_then_any_verb(text, expected):
    """After 在, a unit written with its suffix and a venue word of two characters ("在奎沃市图书馆") names the unit's
    venue whatever verb follows ("捧书细读", "看画"), not only a listed activity: the venue word is followed by the
    clause's verb, not by more of a name (学会, a body; 馆长, its head)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("7月7日,阿婆蹬着三轮车经过古蔺西街。", {"city": "古蔺", "sublocation": "西街"}),
    ("7月7日,游客走在古蔺南大街。", {"city": "古蔺", "sublocation": "南大街"}),
    ("7月7日,游客走在北京东路。", {"city": None, "sublocation": "北京东路"}),
    ("7月7日,游客走在奎沃西街。", {"city": None}),
])
def test_a_towns_own_street_by_a_direction(text, expected):
    """A direction and 街 or 大街 after a town's name is that town's own street ("泉州西街", its West Street): the town
    is the city even where it is too small to be read bare before a venue with a shorter name (a venue needs a name of
    two characters of its own, "联合国总部" not cut after 联合); a road (路, 大道) after a city's name is named for the
    city, in any town, and a name the gazetteer does not know stays the street's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("民眾在馬公奎沃亭前參觀。", {"city": "馬公", "sublocation": "奎沃亭"}),
    ("竹山奎沃宮遊人如織。", {"city": "竹山", "sublocation": "奎沃宮"}),
    ("民眾在奎沃觀音亭前參觀。", {"city": None}),
])
def test_a_taiwan_township_before_a_venue(text, expected):
    """Taiwan's townships and county-level cities (馬公, 竹山) are the city of a Taiwan caption, and GeoNames holds
    them with 20,000 to 100,000 people, fewer than a bare name before a venue needs on the mainland: written bare
    before a venue with a name of its own, a town of Taiwan of 20,000 people or more is the city, the venue
    vouching for it as a province would; a name the gazetteer does not know stays the venue's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("夜色中的内蒙古根河市中国奎沃村,犹如童话里的世界。", {"sublocation": "中国奎沃村", "country": None}),
    ("12月20日,甘肃省积石山县中国奎沃镇一处安置点,村民排队领饭。",
     {"city": "积石山县", "sublocation": "中国奎沃镇", "country": None}),
    ("12月20日,在北京市美国大使馆举行活动。", {"city": "北京", "sublocation": "美国大使馆"}),
    ("12月20日,在广西东兴市越南街,游客购物。", {"city": "东兴", "sublocation": "越南街"}),
])
def test_a_country_naming_a_town_below_a_county(text, expected):
    """A chain goes down, and no country comes below a city or a county: a country's name right after one, with the
    suffix of a town or a village at most three characters later (根河市中国X村, 积石山县中国X镇), begins that unit's
    name, as capprec6 reads 巴林右旗 after 赤峰市; it gave the country 中国 and lost the village. An embassy or a
    street named for a country after a city stays the venue it was."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月23日,载着首件展品的卡车驶入展馆。", {"sublocation": None}),
    ("10月23日,载着首件展品的卡车驶入展馆。当日,工人在奎沃会展中心布展。", {"sublocation": "奎沃会展中心"}),
    # ...while a hall named by its name is read
    ("观众在奎沃展馆参观。", {"sublocation": "奎沃展馆"}),
])
def test_the_exhibition_halls_as_a_kind_are_no_venue(text, expected):
    """展馆 (the exhibition halls) is a kind of building, as 场馆 is: alone it names no venue, and a venue a later
    sentence names is read instead."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月6日,工人在奎沃精密机械有限公司生产车间内加工零件。", {"sublocation": "奎沃精密机械有限公司生产车间"}),
    ("2月11日,在奎沃重工有限责任公司的装配车间,一名工人经过。", {"sublocation": "装配车间"}),
    # ...while a workshop of a firm the caption counts and does not name is no venue
    ("1月30日,工人在晋州市一家纺织企业的生产车间里工作。", {"sublocation": None, "city": "晋州"}),
    ("4月14日,工人在奎沃开发区一家公司的光伏板车间里忙碌。", {"sublocation": None}),
])
def test_a_workshop_is_a_venue_of_a_named_firm_only(text, expected):
    """车间 (a workshop) ends a venue's name, as 工厂 does; after a firm counted, not named ("一家公司的某某车间"),
    it is a part of a place the caption leaves unnamed, and no venue is read."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月10日晚,在城阳区街头,一家人举着手机与圆月同框。", {"city": "城阳区"}),
    ("9月10日,在城子河区奎沃机场,旅客在候机厅等待登机。", {"city": "城子河区", "sublocation": "奎沃机场"}),
    ("城固县的村民在田里收割水稻。", {"city": "城固县"}),
    # ...while 城 with a direction, a position or nothing before the suffix is a part of whatever town is named
    ("9月10日晚,在城区街头,一家人举着手机与圆月同框。", {"city": None}),
    ("9月10日晚,在城东区街头,一家人举着手机与圆月同框。", {"city": None}),
])
def test_a_county_whose_name_begins_with_cheng(text, expected):
    """城 (the town) opens 城区 and 城市, so a unit's name is not read from it; but a county or a district of China
    that its readings know, with a name of two characters or more before 区 or 县 (城阳区, 城固县, 城子河区), is that
    unit: it had been left out, or cut to a city 城子河 and a venue "区某某机场"."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("她说营地外太危险,孩子们从不出去捡柴。", {"sublocation": None}),
    ("从上个月开始当地沙漠里搭起帐篷,安置难民。", {"sublocation": None}),
    ("今年登记采访奎沃峰会的记者达2850人。", {"sublocation": None}),
    ("眼下园区施工正紧,预计月底开园。", {"sublocation": None}),
    # ...while a venue after a word of the present time, or in a clause of its own, is read
    ("目前奎沃湿地公园游人如织。", {"sublocation": "奎沃湿地公园"}),
    ("3月2日,在奎沃公园,市民开始晨练。", {"sublocation": "奎沃公园"}),
])
def test_a_clause_is_no_venues_name(text, expected):
    """A run of words that holds a verb of saying, watching, starting or asking (说, 观看, 开始, 采访) is a clause,
    not a venue's name, whatever venue word ends it ("她说营地外...": she says the camp...); a word of the present
    time (眼下, 目前) opens a clause, and the name begins after it, as after 今天: "眼下园区" leaves a venue word
    alone, no venue."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("图为工人在盐田里作业。 王某春摄(奎沃晚报发)", {"photographer": "王某春", "agency": "奎沃晚报"}),
    ("图为工人在盐田里作业。 许某予攝(奎沃新聞網發)", {"photographer": "许某予", "agency": "奎沃新聞網"}),
    ("当地媒体称,山火仍在蔓延。 (奎沃新闻网发)", {"photographer": None, "agency": "奎沃新闻网"}),
    # the agencies the registry knows keep their standard names
    ("图为工人在盐田里作业。 王某春摄(新华社发)", {"photographer": "王某春", "agency": "Xinhua"}),
])
def test_an_outlet_the_registry_lacks_before_its_word_for_sending_is_the_agency(text, expected):
    """发 after an outlet's name says the outlet sent the picture: one the registry does not know, ending as an
    outlet's name ends (日报, 晚报, 新闻网), is the agency as written, without 发."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("作者摄于奎沃市唐人街。", {"city": "奎沃", "sublocation": "唐人街"}),
    ("照片拍摄于奎沃县。", {"city": "奎沃县"}),
    # ...and a name opening with 和 or 同 at the caption's start, after a space or a picture's mark, is read whole
    ("△ 和政县某某公司员工正在分拣水果", {"city": "和政县"}),
    ("同仁市隆务寺的僧人。", {"city": "同仁", "sublocation": "隆务寺"}),
])
def test_a_units_name_begins_where_the_clause_lets_it(text, expected):
    """A unit's name runs neither too far nor stops short: 于 after a clause's first words ("作者摄于...市": the author
    took it at) says where, and the unit's name begins after it; 和 or 同 that opens the caption joins nothing before
    it, so it opens the name (和政县), where "政县" read after it was a name cut short."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("从空中俯瞰额敏奎沃布拉克镇的牧民定居房。", {"city": "额敏", "sublocation": "奎沃布拉克镇"}),
    ("大年初一一大早,桦甸奎沃尔高勒镇牧民就钻进牛圈里。", {"city": "桦甸", "sublocation": "奎沃尔高勒镇"}),
    # ...as a county with its suffix is, and as a town of a shorter name is
    ("从空中俯瞰霍城县奎沃布拉克镇的牧民定居房。", {"city": "霍城县", "sublocation": "奎沃布拉克镇"}),
    ("初秋时节,合浦奎沃镇的葡萄陆续成熟。", {"city": "合浦", "sublocation": "奎沃镇"}),
    # ...while a bare word no county reads as heads no town
    ("从空中俯瞰美丽的奎沃布拉克镇。", {"city": None}),
])
def test_a_bare_county_before_a_town_of_a_long_name(text, expected):
    """A county or a county-level city written bare, then a town of its own whose name is long (the transliterated
    towns of Xinjiang and Inner Mongolia, 萨尔布拉克镇): the run was too long for one unit's name, so neither was
    read. The county is read when the gazetteer's town and the county readings agree on it (as before a
    subdistrict), and the town after it is a unit's name by itself."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月8日,在肯尼亚奎沃难民营,一位难民带着孩子站在围栏边。", {"sublocation": "奎沃难民营", "country": "肯尼亚"}),
    ("几个孩子走在奎沃难民营尘土飞扬的街道上。", {"sublocation": "奎沃难民营"}),
    # ...while a camp counted, or the word alone, names none
    ("3月1日,在约旦的一个难民营里,孩子们玩耍。", {"sublocation": None, "country": "约旦"}),
    ("3月1日,难民营里的孩子们在玩耍。", {"sublocation": None}),
])
def test_a_refugee_camp_is_a_venue(text, expected):
    """难民营 (a refugee camp) ends a venue's name, as 营地 does: a camp is named as a site is."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月1日,候车大厅人潮涌动。 奎沃日报 记者 贾某勇 摄", {"photographer": "贾某勇", "agency": "奎沃日报"}),
    ("5月1日,候车大厅人潮涌动。 奎沃电视台 记者 翁某 摄", {"photographer": "翁某", "agency": "奎沃电视台"}),
    # words of the prose before the role are no outlet
    ("5月1日,旅客在候车 记者 翁某 摄", {"photographer": "翁某", "agency": None}),
])
def test_an_outlet_the_registry_lacks_alone_before_its_reporters_role_is_the_agency(text, expected):
    """"某某日报 记者 X 摄": an outlet's name written alone before its reporter's role and a space, ending as a paper's,
    a site's or a station's name ends, is the agency as written, as it is before a bare name ("某某日报 X 摄")."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("10月5日,在埃塞俄比亚首都奎的沃贝巴的拉布车站,两名司机握手。",
     {"city": "奎的沃贝巴", "sublocation": "拉布车站", "country": "埃塞俄比亚"}),
    ("3月1日,在加沙地带南部城市奎沃的难民营,孩子们玩耍。", {"city": "奎沃", "sublocation": None}),
    # ...while a venue named after the capital is no name of it; before 拍摄 the name stops there (capzh43: the
    # labels name the capital, 亚的斯亚贝巴, where this case once pinned none)
    ("在比利时首都布鲁塞尔机场,一名士兵守在窗户边。", {"sublocation": "布鲁塞尔机场"}),
    ("这是在埃塞俄比亚首都奎的沃贝巴拍摄的非盟会议中心,即非盟总部所在地。", {"city": "奎的沃贝巴"}),
])
def test_a_city_abroad_called_one_stops_before_its_site(text, expected):
    """A city the caption calls one ("南部城市", "首都") whose name no table knows is read to its clause's end, but
    stops before 的 and a site of it ("拉法的难民营" gave the city 拉法的难民营); a capital's name read so may hold
    的, as names in foreign sounds do (亚的斯亚贝巴), and one named before 拍摄 stops there."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2015年1月1日,吴忠元旦夜晚,许多市民来到奎沃广场。", {"city": "吴忠", "sublocation": "奎沃广场"}),
    ("1月5日,哈尔滨清晨气温降至零下30摄氏度。", {"city": "哈尔滨"}),
    # ...while a clock's zone and a word of one character that opens another word stay what they were
    ("北京时间10月1日,选手在奎沃体育场比赛。", {"city": None}),
    ("北京晚报记者在现场拍摄。", {"city": None}),
])
def test_a_city_then_when_the_photo_was_taken(text, expected):
    """A city's name that runs on into other words at a sentence's start qualifies them ("美国参谋长") and is no
    scene; but a day named or relative, a season or a time of day of two characters after it says when the photo
    was taken there ("吴忠元旦夜晚", "哈尔滨清晨"), as the date's time words do before a place."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月28日,奎沃航空的首个航班从上海虹桥机场飞抵北京首都国际机场。图为在上海虹桥机场举行的首航仪式现场。",
     {"sublocation": "虹桥机场", "city": "上海"}),
    # ...while a picture's sentence with no 在 leaves the dated one the scene
    ("5月28日,在北京市奎沃公园,市民赏花。图为游客在拍照。", {"sublocation": "奎沃公园", "city": "北京"}),
])
def test_the_pictures_sentence_after_the_news(text, expected):
    """A dated sentence may tell the news (a flight from one airport to another); a later one opening with 图为在
    says where the picture itself was taken, and its place is the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一名小男孩在奎沃广场举行的升旗仪式上挥动国旗。", {"sublocation": "奎沃广场", "city": None}),
    ("学生们在奎沃中学操场参加升旗仪式。", {"city": None}),
    # ...while a banner or a league with a name of its own is read
    ("牧民在正蓝旗放牧。", {"city": "正蓝旗"}),
    ("牧民在锡林郭勒盟正蓝旗放牧。", {"city": "正蓝旗"}),
])
def test_no_banner_is_named_by_one_character(text, expected):
    """旗 ends a banner's name (正蓝旗, 阿巴嘎旗) and 盟 a league's, but never after one character: 升旗 (raising
    the flag), 国旗 and 联盟 are words. 升旗仪式 had given the city 升旗 and, as a county after the venue, cost the
    venue it was held at; _known_head already said so of a head before a banner (阿巴嘎旗)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("12月24日,入夜后的奎沃山宛如童话世界。当天,内蒙古自治区奎沃山市进入冰雪旅游季。",
     {"sublocation": None}),
    # ...while a venue named after its city, longer than the city's name, stays
    ("12月24日,在奎沃市奎沃公园,市民赏雪。", {"sublocation": "奎沃公园", "city": "奎沃"}),
])
def test_no_venue_is_its_own_city(text, expected):
    """A venue read by the same name as the city read (奎沃山, and 奎沃山市 later: 山 ends the city's name) is the
    city, no site within it: the venue is left out, the city stays."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在奎沃站前广场,几名刚下火车的游客图省事,直接从冰面上走过。", {"sublocation": "奎沃站前广场", "province": None}),
    ("几名游客图省事,直接从冰面上走过。", {"province": None}),
    # ...while a province's affairs after its suffix keep it a province
    ("安大略省事务部门在多伦多开会。", {"province": "安大略"}),
])
def test_sheng_shi_is_saving_trouble(text, expected):
    """省事 is the verb "to save trouble" ("游客图省事"): 省 before it ends no province's name, which had given
    the province 游客图 and, read after it, cost the square the sentence had opened with; 事务 and 事业 after 省
    are still a province's affairs."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("16日,动车驶出奎沃南站,西北地区迈入高铁时代。", {"city": None, "sublocation": "奎沃南站"}),
    ("华北地区迎来降雪。", {"city": None}),
    # ...while a prefecture named so stays the city
    ("在新疆阿克苏地区,农民采摘苹果。", {"city": "阿克苏地区", "province": "新疆"}),
])
def test_a_great_region_is_no_prefecture(text, expected):
    """地区 after one of the country's great regions or sides (西北, 华北, 南方: places.great_regions) names an area,
    no prefecture as 阿克苏地区 does, so no city; the venue the sentence names is read instead."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("1月16日凌晨2点,市城区开始降雪。环卫工人已把主干道的积雪清理干净,确保道路安全畅通。",
     {"city": None, "sublocation": None}),
    ("1月16日,县城区开始降雪。", {"city": None}),
    ("工作人员走上街头义务劳动,清除路面积雪,保障道路畅通。", {"sublocation": None}),
    # ...while a district named 城 at its end is read, and a named road is
    ("1月16日,在鹿城区街头,市民在扫雪。", {"city": "鹿城区"}),
    ("1月16日,环卫工人在奎沃路清扫积雪。", {"sublocation": "奎沃路"}),
])
def test_the_towns_own_area_and_the_roads_kept_open(text, expected):
    """市城区 and 县城区 are the city's and the county's own built-up area (as 主城区 and 老城区 are), no district
    named 市城 or 县城, which the county readings take for 石城; and a verb of keeping a thing so before 道路
    ("确保道路畅通", "保障道路安全") opens no road's name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月10日晚,定陶当地的群众在奎沃广场点燃火把。", {"city": "定陶", "sublocation": "奎沃广场"}),
    ("8月10日晚,西昌当地的群众在奎沃广场点燃火把。", {"city": "西昌"}),
    # ...while a word that no town and county name before 当地 stays none
    ("8月10日晚,我们当地的群众在奎沃广场点燃火把。", {"city": None}),
    ("8月10日晚,奎沃当地的群众在广场点燃火把。", {"city": None}),
])
def test_a_small_town_before_its_locals(text, expected):
    """当地 (local) after a bare name opening its phrase makes the name a place, as a whole clause does ("定陶当地的
    群众"): a town of China of any size is read there when the gazetteer's town and the county readings agree on
    it; a bigger city was read already ("西昌当地")."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("近萬人頂著低溫在街邊觀看。中央社記者郭某花蓮攝 105年2月13日", {"photographer": "郭某", "agency": "CNA"}),
    ("近萬人頂著低溫在街邊觀看。中央社記者周某昊紐約攝 105年2月13日", {"photographer": "周某昊", "agency": "CNA"}),
    # with spaces around it, four characters stay the name as written
    ("近万人在街边观看。新华社记者 李江西安 摄", {"photographer": "李江西安", "agency": "Xinhua"}),
])
def test_a_short_correspondents_name_run_into_the_place_filed_from_is_cut_there(text, expected):
    """"中央社記者X花蓮攝": a name of two or three characters run into the place it was filed from, with no space, is
    the name; the staff shape had read the four or five characters whole (the filed_from shape, after it, cut
    only longer runs)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("“奎沃号”科考船行驶在东海海域。", {"city": None}),
    ("渔船在南海海域作业。", {"city": None}),
    # ...while a city's waters keep the city
    ("在舟山海域,渔船作业。", {"city": "舟山"}),
])
def test_a_seas_name_before_its_waters_is_no_city(text, expected):
    """A sea's name that a county or a district shares (东海, 南海), written only before a word of waters (海域,
    水域), is the sea: a scene at sea, no city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一列火车行驶在云南省西双版纳州境内的奎沃铁路大桥上。", {"city": "西双版纳州", "province": "云南"}),
    ("村民在黔东南州的稻田里劳作。", {"city": "黔东南州"}),
    # a prefecture named after a mountain or a river is the prefecture with 州 after it...
    ("游客在凉山州的火把节上起舞。", {"city": "凉山州", "sublocation": None}),
    ("村民在红河州的梯田里插秧。", {"city": "红河州"}),
    # ...and still runs into its county, which stands in for the city
    ("凉山州越西县的村民在劳作。", {"city": "越西县"}),
])
def test_an_autonomous_prefecture_written_short(text, expected):
    """An autonomous prefecture written as the press writes it, its name and 州 alone (西双版纳州 for
    西双版纳傣族自治州): the prefecture at the city's level, which no gazetteer knows by that form; 凉山, 红河 and
    怒江 were read as a mountain's or a river's name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("受暴雨影响,四川凉山州境内的越西县奎沃乡发生山洪灾害。", {"city": "越西县", "sublocation": "奎沃乡"}),
    ("四川凉山彝族自治州境内的越西县出现降雪。", {"city": "越西县"}),
    ("四川成都市境内的都江堰市出现降雪。", {"city": "都江堰"}),
    # within the unit, a venue and no unit: the chain ends at the unit
    ("一列火车行驶在云南省西双版纳州境内的奎沃铁路大桥上。", {"city": "西双版纳州"}),
])
def test_a_unit_within_the_one_before(text, expected):
    """境内 (within its bounds) and 的 between a unit and a smaller one ("凉山州境内的越西县") keep one chain: the
    county or the county-level city named within the prefecture is the scene's; and 山洪 (a flash flood) after a
    township names what happened there, no venue ending in 山."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("晋中市左权县“奎沃一号”旅游公路上车辆往来。", {"city": "晋中", "sublocation": "“奎沃一号”旅游公路"}),
    ("在奎沃县“奎沃”训练基地举行考核。", {"sublocation": "“奎沃”训练基地"}),
    # a quoted name ending in a venue word is the venue whole, and what follows a part of it
    ("当局拆除台北“奎沃纪念堂”牌楼上的字。", {"sublocation": "奎沃纪念堂"}),
    # after a village, the quoted name and a kind of venue are the village's produce and its base
    ("四川省泸州市纳溪区护国镇奎沃村“奎沃早茶”种植基地里,茶农采茶。", {"sublocation": "奎沃村"}),
])
def test_a_quoted_name_then_the_kind_of_venue(text, expected):
    """A venue's name whose first word is quoted and whose kind follows the quotes ("“太行一号”旅游公路", "“山地”训练
    基地"): the whole is the venue (the quoted word alone held no venue word, so none was read); after a village
    the village stays the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("昨天,全市50 万中小学生回到校园。", {"sublocation": None}),
    ("昨天,全市万名小学生回到校园。", {"sublocation": None}),
    ("全市50 万中小学生开学。奎沃湾小学也在这天启用。", {"sublocation": "奎沃湾小学"}),
    # a school's own pupils after its name keep the school
    ("昨天,奎沃中学学生回到校园。", {"sublocation": "奎沃中学"}),
])
def test_pupils_end_no_schools_name(text, expected):
    """小学生, 中学生, 大学生 (pupils, students) hold a school's venue word followed by 生: no school's name ends
    there ("50万中小学生" had given the venue 万中小学, and "万名小学生" 万名小学)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("数百名市民聚集桂林奎沃湾,观看焰火。", {"city": "桂林", "sublocation": "奎沃湾"}),
    ("从高处看洛阳市奎沃湿地公园。", {"city": "洛阳", "sublocation": "奎沃湿地公园"}),
    # a venue named before the city's name keeps the run whole: the city is inside its name
    ("市民聚集在奎沃公园洛阳古巷里纳凉。", {"city": None}),
    # nor does a name begin after a quarter of the compass ("西北太平洋": no 太平)
    ("科考船前往西北太平洋奎沃海山区作业。", {"city": None}),
])
def test_a_city_inside_a_run_read_as_a_venue(text, expected):
    """A sentence whose only place is a run of words ending in a venue word, a city's name inside it ("游客聚集
    文昌淇水湾", "从空中看太原市汾河湿地公园"): the words before the city are no part of the venue, and the city is
    the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("果洛奎沃寺,僧人诵经。", {"city": "果洛", "sublocation": "奎沃寺"}),
    ("人们在甘孜的奎沃草原上赛马。", {"city": "甘孜", "sublocation": "奎沃草原"}),
    ("游客在迪庆奎沃湖边拍照。", {"city": "迪庆", "sublocation": "奎沃湖"}),
])
def test_an_autonomous_prefecture_bare_before_its_venue(text, expected):
    """An autonomous prefecture written bare before a venue's name ("玉树巴塘草原"): places.prefectures vouches for
    the name, which the gazetteer knows only with its suffix or not at all."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("十月十日,浙江嘉兴海宁,奎沃公园里游人如织。", {"city": "嘉兴", "province": "浙江", "sublocation": "奎沃公园"}),
    ("山东济宁曲阜,游客在奎沃书院参观。", {"city": "济宁", "sublocation": "奎沃书院"}),
    # a name ending in a venue word of one character stays the venue's: a lake, a hill
    ("浙江杭州西湖,游客如织。", {"city": "杭州", "sublocation": "西湖"}),
    # a county written with its suffix is the unit reader's, even where 县长 (the county's head) stops it
    ("3月28日,游客从湖北省宜昌市秭归县长奎港下船上岸。", {"city": "宜昌", "province": "湖北"}),
])
def test_a_county_bare_below_its_city_and_province(text, expected):
    """A county or a county-level city written bare after its city and province ("浙江嘉兴海宁,"): the county
    readings of the province vouch for it, so it is a unit of the chain, no venue (海宁 had been the sublocation)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("洛阳终于迎来今冬首场降雪,市民出门赏雪。", {"city": "洛阳"}),
    ("大连再度举办国际马拉松,数万人参赛。", {"city": "大连"}),
    # a word that a place qualifies stays no scene
    ("美国参谋长再度访问日本。", {"city": None}),
])
def test_a_word_of_manner_between_a_city_and_its_verb(text, expected):
    """A city that opens the sentence, a word of when or how (places.manner: 终于, 再度), then a verb the place is
    the subject of (places.subject_verbs: 迎来, 举办): the city is the scene, as with no word between."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月5日,四川奎沃县的村民在成都奎沃广场表演节目。",
     {"city": "成都", "province": "四川", "sublocation": "奎沃广场"}),
    # the home's province is dropped where the scene's city is read as another province's
    ("9月5日,西藏奎沃县的农牧民在北京奎沃广场表演节目。", {"city": "北京", "province": None}),
    # people at an unnamed place of their own county stay there
    ("9月5日,四川省奎沃县村民在村里的广场上表演节目。", {"city": "奎沃县", "province": "四川"}),
])
def test_people_of_one_place_at_another_citys_venue(text, expected):
    """A chain, its people (的牧民们, 的村民) and 在 with another city's place ("西藏墨竹工卡县门巴乡的牧民们在
    拉萨布达拉宫广场"): the first chain is where the people come from, the scene is the city after 在."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("喀什疏附的农民正在采摘。", {"city": "喀什"}),
    ("黄南同仁的唐卡画师正在作画。", {"city": "黄南"}),
    # two everyday words that read as counties of different provinces are no places
    ("大家今年的收成不错。", {"city": None}),
])
def test_a_city_and_its_county_bare(text, expected):
    """Two bare names in a row opening a phrase and ended by 的 or a stop ("海东化隆的青稞"), both read as counties
    or cities of one same province by their readings: the city, then its county (two names agreeing where either
    alone is weak)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("台风昨天造成宁远县奎沃乡奎沃村道路中断。", {"city": "宁远县", "sublocation": "奎沃村"}),
    ("颱風昨天造成寧遠縣來奎鄉來奎村道路中斷。", {"city": "寧遠縣", "sublocation": "來奎村"}),
])
def test_a_suffixed_county_before_a_towns_village(text, expected):
    """A county with its suffix, a town and its village inside a clause where no place phrase begins ("造成屏东县来义乡
    来义村", after a verb): the county is read with the village, its name known by its readings or the list of cities
    written bare (the village alone had been read, and the county lost)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月2日,西藏林芝,游客在桃花林中拍照。", {"city": "林芝", "province": "西藏"}),
    ("在西藏林芝巴松措景区,游客乘船游览。", {"city": "林芝", "province": "西藏", "sublocation": "巴松措景区"}),
    # ...but not after the country: a word that a town of that name with 市 shares is no city there
    ("5月2日,中国东方航空的客机在北京起飞。", {"city": "北京"}),
])
def test_a_city_known_with_its_suffix_after_its_province(text, expected):
    """A city written bare right after its province, which the gazetteer knows only with 市 (林芝市) and with few
    people: the province vouches for it as for a name the gazetteer knows bare (it had been read into the venue,
    林芝巴松措景区, or not at all)."""
    check(text, expected)


def test_a_newsroom_extends_the_lists_moved_to_the_rules():
    """The media centre's brand roles and the courtesy titles are rules data ([chinese.credit] in a house file):
    a newsroom adds its own and the reader follows, with the shipped ones kept."""
    from catalog.captions.rules import load_rules

    text = "村民在田间插秧。 丽江全媒记者 柯小艳 摄"  # (a city's name before the role names no outlet)
    assert parse(text).credit.agency is None
    house = load_rules(text='[chinese.credit]\nbrand_roles = ["融媒记者", "全媒记者"]\n')
    assert parse(text, house).credit.agency == "丽江全媒"
    assert parse("游客在古城赏雪。(大理融媒记者 柯小祖 摄)", house).credit.agency == "大理融媒"


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz for The New York Times\n在首尔的一条小巷里,快递员正把大米送到客户家。",
     {"photographer": "Ana Ruiz", "agency": "The New York Times"}),
    ("Ana Ruiz for The New York Times 总统周一在白宫会见来访的岛国领导人。",
     {"photographer": "Ana Ruiz", "agency": "The New York Times"}),
    # the Chinese credit at the end names the agency but no one (a transliteration): the opening adds the name
    ("Oleksandr Petrenko/AP Photo\n田野上满是炮击后留下的弹坑。 2022年9月13日奥列克桑德·彼得连科/美联社照片",
     {"photographer": "Oleksandr Petrenko", "agency": "AP"}),
    # ...but a Chinese credit that names its photographer stands, and a name opening the text is no credit
    ("Ana Ruiz for The New York Times 游客在古镇游览。 新华社记者 王小明 摄",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("Casey在公园里散步,享受周末的阳光。", {"photographer": None, "agency": None}),
])
def test_an_english_credit_opening_a_chinese_caption(text, expected):
    """A foreign paper's Chinese page sets its English credit line above the text, on its own line or before the
    first Han character ("Name for The New York Times 拜登..."): the English reader reads that opening as the line
    of its own it is (the English credit had been read only where it ends the caption)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在罗布泊荒原上,科考队员扎下营帐。", {"sublocation": "罗布泊荒原"}),
    ("9月20日,游客在甘肃敦煌月泉绿洲骑骆驼。", {"sublocation": "月泉绿洲"}),
    ("广东省汕头市南澳县的海岛集市上,渔民在卖海鲜。", {"sublocation": "海岛集市"}),
    ("秋分时节,宁化客家大院的柿子挂满枝头。", {"sublocation": "宁化客家大院"}),
    ("马拉松在1月5日举行,选手在滨江走廊奔跑。", {"sublocation": "滨江走廊"}),
    ("1月5日,列车停在郑州动车段的检修库里。", {"sublocation": "郑州动车段"}),
    ("1月5日,在贵州省遵义市湄潭县兴隆茶叶专业合作社,茶农在分拣茶叶。",
     {"sublocation": "兴隆茶叶专业合作社", "city": "遵义"}),
    # ...but a cooperative whose members follow it and 的 is the body they belong to, not where they are
    ("9月15日,城步苗族自治县长岭镇青石村冷库,长岭梨种植专业合作社的社员抓紧分拣梨子。", {"sublocation": "青石村"}),
])
def test_kinds_of_venue_named_by_their_last_word(text, expected):
    """Kinds of place named by their last word that the list of venue words lacked: a wilderness (荒原), an oasis
    (绿洲), a market in the open (集市), a walled compound (大院), a promenade (走廊), a railway depot (动车段, 机务段,
    运用所), a farmers' cooperative (合作社): such a name was read as no venue at all, or as the kind alone."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("↑2021年3月5日,茶农在仪式上齐声高喊“茶发芽”。QPAPHOTO/邱小泉 摄",
     {"photographer": "邱小泉", "agency": "QPAPHOTO"}),
    ("茶农在天然茶基地里采春茶。QNS/陈小霖 摄", {"photographer": "陈小霖", "agency": "QNS"}),
    # ...a known agency as before, and words in Latin letters that are no initials stay unread as an outlet
    ("茶农在天然茶基地里采春茶。CFP/陈小霖 摄", {"photographer": "陈小霖", "agency": "CFP"}),
    # ...and an outlet's word or words in Latin letters not in capitals, when 摄 after the name says who took it
    ("茶农在天然茶基地里采春茶。Sunphoto/陈小霖 摄", {"photographer": "陈小霖", "agency": "Sunphoto"}),
    ("茶农在天然茶基地里采春茶。Sun Photo/陈小霖摄", {"photographer": "陈小霖", "agency": "Sun Photo"}),
])
def test_an_outlets_initials_in_latin_before_a_chinese_name(text, expected):
    """An outlet the registry lacks, by its initials or brand in capitals, then "/" and its photographer's Chinese
    name ("QPAPHOTO/邱某 摄"): the outlet as written and the photographer (the name had been read as the agency)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("县长王小明和议长李大江到各乡拜年。", {"sublocation": None}),
    ("教育局长陈某（左）、文化委主委江小龙与市民合影。", {"sublocation": None}),
    ("新北市消防员青潭分队队员在河边演练。", {"sublocation": None}),
    ("縣長王小明和議長李大江到各鄉拜年。", {"sublocation": None}),
    # ...but a county's suffix is no title's first character, and a venue word of two characters is a venue's
    ("宁县长庆桥,嫩黄浅绿点缀农田。", {"sublocation": "宁县长庆桥"}),
    ("市民在市民公园散步。", {"sublocation": "市民公园"}),
])
def test_a_title_then_a_person_named_like_a_venue(text, expected):
    """A title or a word of people (县长, 主委, 消防员, 干部) and then a person's name ending in 江, 山 or 潭, a venue
    word of one character: the name read up to it was taken as a venue ("县长某某和议长张永江")."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3月2日,记者来到郑州铁路局郑州东动车运用所,看检修工人作业。", {"sublocation": "郑州东动车运用所"}),
    ("5月6日,一列货车从成都铁路局城厢货运站开出。", {"sublocation": "城厢货运站"}),
    ("5月6日,工人在中建公司滨海物流园装卸货物。", {"sublocation": "滨海物流园"}),
    # ...but a body's own floor (生产车间), a department of it (环卫中心) and a title (局长) name no site of their own
    ("5月6日,工人在淮北宏达机械有限公司生产车间作业。", {"sublocation": "宏达机械有限公司生产车间"}),
    ("1月16日凌晨,市城管局环卫中心展开除雪作业。", {"sublocation": None}),
    ("前台北市卫生局长王小山在记者会上发言。", {"sublocation": None}),
])
def test_a_site_after_the_body_that_runs_it(text, expected):
    """A body named for its city (铁路局, 公司, 集团) and then the site it runs, with a name and a venue word of its
    own ("南昌铁路局南昌西动车运用所"): the site is the venue (the city's body had ended the chain as an official's
    title does, and the venue with it)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("市民在向阳奎沃公园散步。", {"sublocation": "向阳奎沃公园"}),
    ("市民在向奎公园散步。", {"sublocation": "向奎公园"}),
    ("3月1日,游客在将沃山游览。", {"sublocation": "将沃山"}),
    ("位于向沃村的农田里,农民插秧。", {"sublocation": "向沃村"}),
    ("游客在将近一个月的假期里游览。", {"sublocation": None}),
    ("志愿者在向社会各界募捐。", {"sublocation": None}),
])
def test_a_linking_word_right_after_at_opens_the_name(text, expected):
    """Right after 在 or 于, 向 (towards) and 将 (will) have nothing to govern, since no preposition follows 在: they
    open the name there (向阳公园, 将军山), where the name read after them would be cut short (阳公园)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3月22日晚,被大火吞没的“奎沃城”音乐厅。", {"sublocation": "奎沃城"}),
    ("3月22日晚,“奎沃”博物馆里游客很多。", {"sublocation": "奎沃"}),
    ("游客在“奎沃”体育馆参观。", {"sublocation": "奎沃"}),
    ("市民跳起“奎沃”广场舞。", {"sublocation": None}),
])
def test_a_venue_word_alone_after_a_quoted_name(text, expected):
    """A quoted name with no venue word, then a venue word alone ending there (at a stop, a word of position or
    what is done there): the kind of venue the quoted name is, and the quoted name the venue's (as “鸟巢”体育场 is
    鸟巢); not a word that runs on into another (广场舞, a dance)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("7月3日凌晨,在北京奎沃门街头,工人们冒雨排水。", {"sublocation": "奎沃门", "city": "北京"}),
    ("1月5日,几名市民站在西安奎华門等候公交车。", {"sublocation": "奎华門", "city": "西安"}),
    ("3月2日,游客在南京奎沃门附近拍照。", {"sublocation": "奎沃门"}),
    # ...not 门 with the character before it as one word (a department, a gate of a compound, going out) nor 门 that
    # begins a word of its own (门口, 门诊)
    ("1月5日,市城管局环卫部门组织除雪。", {"sublocation": None}),
    ("环卫工人在县委大门口清理积雪。", {"sublocation": None}),
    ("5月2日,在奎沃医院门诊,患者排队挂号。", {"sublocation": "奎沃医院"}),
    ("看到爸爸又要出门上班,女儿哭了。", {"sublocation": None}),
])
def test_a_gate_named_by_two_characters_and_men(text, expected):
    """A city's or a palace's gate, two characters of a name and 门, where a venue may begin
    ("在北京宣武门街头"): 门 is no venue word (部门, 大门, 出门 are common words), so the gate is
    read on its own, not where 门 and the character before it are a word (places.not_gates),
    nor where 门 begins another word (门口, 门诊: places.gate_goes_on)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月13日,救援人员在张掖第二小学的操场上搭起帐篷。", {"sublocation": "张掖第二小学", "city": "张掖"}),
    ("病人在临沂第三人民医院排队挂号。", {"sublocation": "临沂第三人民医院", "city": "临沂"}),
    ("学生们在石阡县第二小学上课。", {"sublocation": "石阡县第二小学", "city": "石阡县"}),
])
def test_a_numbered_school_is_named_by_its_town_once(text, expected):
    """A numbered school or hospital (第二小学) takes the bare town before it into its name, and the town stays the
    chain's: the rule for an institution a bare city opens (上海交通大学) does not write the town in a second time
    (not 张掖张掖第二小学)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("▲考察团在听取介绍。本文图片均由奎沃早报全媒体见习记者 王小明摄",
     {"photographer": "王小明", "agency": "奎沃早报"}),
    ("游客在古城游览。本文图片均由新华社记者 王小明 摄", {"photographer": "王小明", "agency": "Xinhua"}),
    ("游客在古城游览。 本文图片均来自中新社", {"agency": "China News Service"}),
    ("游客在古城游览。图片均来自新华社", {"agency": "Xinhua"}),
])
def test_every_picture_of_the_article_credited_once(text, expected):
    """"本文图片均由X记者Y摄", "本文图片均来自X": one credit for all the article's pictures; the words before the
    outlet are no part of its name (credit.all_pictures, credit.source_words)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("乌鲁木齐国际大巴扎前,游客排队品尝烤包子。", {"sublocation": "国际大巴扎", "city": "乌鲁木齐"}),
    ("9月1日,乌鲁木齐国际大巴扎里挤满了游客。", {"sublocation": "国际大巴扎", "city": "乌鲁木齐"}),
    ("奎沃国际大巴扎前,游客排队品尝烤包子。", {"city": None}),
])
def test_a_city_written_bare_before_a_registered_venue(text, expected):
    """A venue the register names (国际大巴扎, the Grand Bazaar) written right after a bare city the gazetteer knows
    well: the register's name begins after the city, so the city is no part of the venue's name and is the scene's,
    as before a venue read by its word (拉萨布达拉宫); a name it does not know gives none."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("前晚,文艺晚会在市奎沃广场开场,近千名市民前来观看。", {"sublocation": "市奎沃广场"}),
    ("连日来天气晴好,县奎尔瓦公园里樱花相继绽放。", {"sublocation": "县奎尔瓦公园"}),
    # ...but the city's archive or the county's hospital, named by what they are, and a department of the city's body,
    # name no venue of their own
    ("记者走进市档案馆,看了展览。", {"sublocation": None}),
    ("5月3日,在县医院,医护人员坚守岗位。", {"sublocation": None}),
    ("1月16日凌晨,市城管局奎沃中心展开除雪作业。", {"sublocation": None}),
])
def test_a_local_papers_own_city_before_a_named_venue(text, expected):
    """A local paper writes its own city or county as 市 or 县 alone before the city's venues ("在市文化广场"): with a
    name of two characters or more and a venue word of two, the venue is named and read whole; with a venue word of
    one (市档案馆) or no name (县医院) it is the city's archive or hospital, named by what it is."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("攝影師:QNA via REUTERS\n簡介:9月16日,群眾在廣場集會。", {"photographer": None, "agency": "Reuters"}),
    ("群眾在廣場集會。攝影師:Ana Ruiz via REUTERS", {"photographer": "Ana Ruiz", "agency": "Reuters"}),
    ("群眾在廣場集會。(攝影:Ana Ruiz/AFP)", {"photographer": "Ana Ruiz", "agency": "AFP"}),
    ("群眾在廣場集會。攝影:Ana Ruiz", {"photographer": "Ana Ruiz"}),
])
def test_a_latin_credit_chain_after_a_chinese_label(text, expected):
    """A credit chain in Latin letters after a photographer's label ("攝影師:KCNA via REUTERS") reads as an English
    credit does: the agency that sent it, and a person only where one is named (the whole had been the name)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("7月2日,G123甲阳至乙阳段改线工程奎沃关跨淮河特大桥主桥合龙。", {"sublocation": "奎沃关跨淮河特大桥"}),
    ("6月4日,新建金华至建德高速铁路奎沃江特大桥顺利合龙。", {"sublocation": "奎沃江特大桥"}),
    ("9月10日,沪昆国家高速公路贵阳至安顺段扩容项目的控制性工程奎沃湖特大桥顺利合龙。",
     {"sublocation": "奎沃湖特大桥"}),
    ("5月3日,在渝昆高铁奎沃山隧道,工人作业。", {"sublocation": "渝昆高铁奎沃山隧道"}),
    # ...the structure's longer name, read whole, is kept; a road with no structure named stays the road
    ("5月2日,施工人员在京沪高速铁路奎沃河特大桥建设工地作业。", {"sublocation": "京沪高速铁路奎沃河特大桥"}),
    ("5月2日,车辆在奎沃高速公路上行驶。", {"sublocation": "奎沃高速公路"}),
])
def test_a_projects_structure_after_its_route(text, expected):
    """A building project's bridge or tunnel named right after the project's route or its words (至, 段, 工程,
    高速铁路: places.project_words): the structure is the venue, its name begun after the last of those words, where
    the route itself was read as a name (至建德高速铁路...), or dropped as a route, or the road was taken."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月2日,颱風襲港,桃花邨有大樹被吹倒。", {"sublocation": "桃花邨"}),
    ("菊花邨海面有巨浪拍打岸邊。（林小明攝）", {"sublocation": "菊花邨"}),
    # ...a kind of place and a venue word that may be a kind stays no name
    ("9月2日,游客在桃花园里赏花。", {"sublocation": None}),
])
def test_an_estate_named_for_its_flowers(text, expected):
    """A housing estate (邨) is always named, also when its name is a flower's (杏花邨): 邨 (places.always_named)
    never makes a kind of place with a word of places.generic_kinds, as 园 does (桃花园, a peach orchard)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("这是9月8日在兰州市七里河区拍摄的奎沃母亲雕塑一景。新华社记者 李明摄", {"sublocation": "奎沃母亲雕塑"}),
    ("这是5月3日在成都市锦江区拍摄的奎沃广场夜景。新华社记者 李明摄", {"sublocation": "奎沃广场"}),
    # ...a kind of place, counted by its area, is still no named venue
    ("图为某某县岚关乡奎沃村的万亩茶园一景。 乔小明 摄", {"sublocation": "奎沃村"}),
])
def test_a_venue_before_a_view_of_it(text, expected):
    """A view of the place right after its name (一景, 夜景, 风光: places.views) ends the name as well as a stop does:
    the scored venue finder counts it as ``ends_well`` ("拍摄的某某雕塑一景": the statue is what the photo shows)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一名女童被砲火击中。(图/AP/ASSOCIATED PRESS授权,下同)", {"photographer": None, "agency": "AP"}),
    ("一名女童被砲火击中。(图/路透社授权)", {"photographer": None, "agency": "Reuters"}),
    ("一名女童被砲火击中。（图/路透社 下同）", {"photographer": None, "agency": "Reuters"}),
    ("一名女童被砲火击中。（新华社记者 王小明 摄 下同）", {"photographer": "王小明", "agency": "Xinhua"}),
])
def test_a_use_note_after_the_outlet(text, expected):
    """授权 (licensed by) and 下同 (the same for the pictures below) after an outlet's name say how the picture is used:
    no part of the name, and no person's name (credit.use_notes, data a newsroom extends)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("这座老车站位于今新北市,1965年拆除。", {"city": "新北"}),
    ("古城遗址在今西安市西北郊。", {"city": "西安"}),
    ("这座古城遗址位于今陕西省宝鸡市。", {"city": "宝鸡", "province": "陕西"}),
    ("游客在今治市参观造船厂。", {"city": "今治"}),
])
def test_present_day_before_a_place(text, expected):
    """今 (present-day) before a place's name, as a caption of an old photo writes it ("位于今新北市"), is no part
    of the name: the place begins after it; but a name 今 begins that the gazetteer knows whole (今治, Imabari)
    stays whole."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月15日,在广安华蓥市某某街道东风村,农民抢收水稻。", {"city": "华蓥", "province": None}),
    ("6月7日,位于大连庄河市某某乡的稻田里,插秧机来回穿梭。", {"city": "庄河", "province": None}),
    ("游客在苏州昆山市周庄镇游览。", {"city": "昆山", "province": None}),
    # a province written bare before its county-level city stays the province
    ("8月15日,在山东曲阜市孔庙,游客游览。", {"city": "曲阜", "province": "山东"}),
    # a state abroad before its city is no city of China
    ("8月15日,在美国加州洛杉矶市,游客游览。", {"city": "洛杉矶", "province": "加州"}),
])
def test_a_prefecture_level_city_before_its_county_level_city(text, expected):
    """A city of China written bare right before a city written with 市 ("大连庄河市") is the prefecture-level
    city holding the county-level one: the chain names two cities, no province (`chinese_places._a_city_above_
    its_city`); it had been read as the province."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月3日,宁化县工业园区,工人在车间里赶制订单。", {"city": "宁化县", "sublocation": "宁化县工业园区"}),
    ("9月3日,工人在长汀县工业园区一家企业的车间里作业。", {"city": "长汀县", "sublocation": "长汀县工业园区"}),
    ("9月3日,在福建省长汀县工业园区,工人在车间里作业。",
     {"city": "长汀县", "province": "福建", "sublocation": "长汀县工业园区"}),
    # the museum or the library a unit names takes the unit into its name: no chain of the scene
    ("9月3日,在湖南省博物馆,游客参观青铜器。", {"city": None, "sublocation": "湖南省博物馆"}),
])
def test_a_park_the_county_names_keeps_the_county(text, expected):
    """An industrial or science park a county names by its own name (places.unit_parks: "长汀县工业园区") is the
    venue, and the county stays the chain's, standing in for the city, whether or not a province is written
    before it (`chinese_chain.read_chain` asks for the park before the unit's own institution)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3月5日,和静县某某镇的牧民一早就聚在沟口。", {"city": "和静县"}),
    ("3月5日,同心县韦州镇的农民在田里劳作。", {"city": "同心县", "sublocation": "韦州镇"}),
    ("3月5日,和平县的农民在田里收割水稻。", {"city": "和平县"}),
    # 和 and 从 as words of the sentence, before a county of another name, stay words
    ("3月5日,他和宁化县的农民一起劳作。", {"city": "宁化县"}),
    ("3月5日,游客从吉水县出发前往井冈山。", {"city": "吉水县"}),
])
def test_a_county_whose_name_a_linking_word_begins(text, expected):
    """A county or a county-level city whose first character is a linking word (和静县, 同心县, 从江县), written with
    its suffix where a phrase opens, is that county (`chinese_chain._a_county_a_link_opens`: the suffix and the
    name's readings agree); it had been read as "and" before a county 静县 no province has."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("露营越来越火,合肥各个公园里搭满了帐篷。 王小明 摄", {"city": "合肥"}),
    ("国庆假期,南京各大商场人头攒动。 王小明 摄", {"city": "南京"}),
    ("入冬以来,昆明各处湿地迎来越冬的红嘴鸥。 王小明 摄", {"city": "昆明"}),
    # a country's sites, each of them, name no scene below the country
    ("国庆假期,中国各大景区人头攒动。 王小明 摄", {"city": None}),
])
def test_a_city_before_each_of_its_sites(text, expected):
    """A city at a clause's start, then 各个, 各大 or 各处 and its sites ("合肥各个公园里"): the sites are the city's,
    so the city is the scene and qualifies no title (`chinese_places._modifier`, as after 各地 or 当地)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("大批民众涌进地铁站纳凉。中新社發 張小明 攝 圖片來源:CNSPHOTO",
     {"photographer": "張小明", "agency": "China News Service"}),
    ("大批民众涌进地铁站纳凉。中新社发 张小明 摄 图片来源:CNSPHOTO", {"photographer": "张小明"}),
    ("大批民众涌进地铁站纳凉。中新社发 张小明 摄", {"photographer": "张小明", "agency": "China News Service"}),
])
def test_the_outlet_that_sent_it_before_the_name_and_a_source(text, expected):
    """An outlet and the word of sending before the photographer's name ("中新社發 張小明 攝"), then a picture-source
    label: the sender is no person's name (`chinese_credits._an_outlet_sending`); it had been read as the
    photographer when the source label closed the credit."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月17日,游客在林芝的巴松措拍照留念。新华社记者 王小明 摄", {"city": "林芝"}),
    ("9月17日,铜仁梵净山迎来大批游客。新华社记者 王小明 摄", {"city": "铜仁", "sublocation": "梵净山"}),
    ("9月17日,在河池,农民收割水稻。新华社记者 王小明 摄", {"city": "河池"}),
    # the morning sun is no city: 朝阳 is left off the list
    ("9月17日,朝阳映照下的梯田美如画卷。新华社记者 王小明 摄", {"city": None}),
])
def test_a_prefecture_level_city_the_gazetteer_lacks_bare(text, expected):
    """China's prefecture-level cities that GeoNames holds only with 市 and few people (林芝, 铜仁, 河池) are listed
    in places.cities, so a caption that writes one bare names the city, as it does a bigger one."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("6月2日,市民在公园的荷塘边赏花。新华社 图", {"agency": "Xinhua", "photographer": None}),
    ("6月2日,市民在公园的荷塘边赏花。人民视觉 图", {"agency": "People Visual", "photographer": None}),
    ("6月2日,市民在公园的荷塘边赏花。视觉中国\u3000图", {"agency": "VCG"}),
    ("■外滩的灯光秀吸引了大批游客 图CFP", {"agency": "CFP", "photographer": None}),
    ("■外滩的灯光秀吸引了大批游客图IC", {"agency": "IC"}),
    ("■外滩的灯光秀吸引了大批游客 图 Getty Images", {"agency": "Getty Images"}),
    # no agency the registry knows: a caption's words, no credit
    ("老师把答案写在黑板上,详见下 图", {"agency": None, "photographer": None}),
    ("学生们在看地图 图A", {"agency": None}),
])
def test_an_agency_and_the_word_for_picture_close_the_caption(text, expected):
    """A known agency, a space and 图 ("新华社 图", as "新华社 发"), or 图 right before a picture agency's Latin
    initials ("图CFP", "图IC"), closing the caption: the agency is the credit's, no one is named
    (`chinese_credits.find_chinese_credit`, the agency_sent and picture_agency shapes)."""
    check(text, expected)



@pytest.mark.parametrize("text, expected", [
    ("游行队伍沿大街走到市中心的广场。(記者王小明攝/大紀元)", {"photographer": "王小明", "agency": "The Epoch Times"}),
    ("游行队伍沿大街走到市中心的广场。(记者李大伟摄/联合报)",
     {"photographer": "李大伟", "agency": "United Daily News"}),
    ("游行队伍沿大街走到市中心的广场。（本報記者 陳美玲 攝 / 聯合報）", {"photographer": "陳美玲"}),
    ("游行队伍沿大街走到市中心的广场。(王小明攝/大紀元)", {"photographer": "王小明", "agency": "The Epoch Times"}),
])
def test_the_staff_role_before_the_name_and_outlet_in_brackets(text, expected):
    """The outlet's staff role before the name, then 攝, a slash and the outlet, in one pair of brackets ("(記者X攝/
    大紀元)"): the name is the photographer's (the brackets_name_outlet shape of `chinese_words` takes the role);
    it had been lost to the label shape, which read only "攝/大紀元"."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("11月3日,人们在城市南部排队领取饮用水。 新华社 发 穆罕默德·阿卜杜勒贾瓦德 摄",
     {"photographer": "穆罕默德·阿卜杜勒贾瓦德", "agency": "Xinhua"}),
    ("11月3日,人们在城市南部排队领取饮用水。 新华社 发 王小明 摄", {"photographer": "王小明", "agency": "Xinhua"}),
    ("11月3日,人们在城市南部排队领取饮用水。 中新社\u3000发 李大伟 摄",
     {"photographer": "李大伟", "agency": "China News Service"}),
    ("11月3日,人们在城市南部排队领取饮用水。新华社发 阿卜杜拉·萨拉赫丁贾巴尔 摄",
     {"photographer": "阿卜杜拉·萨拉赫丁贾巴尔"}),
])
def test_a_space_before_the_word_of_sending_and_a_long_transliterated_name(text, expected):
    """"新华社 发 X 摄": a space between the agency and 发 (the sent_name shape of `chinese_words` allows one, as the
    agency_sent fallback does), and a transliterated name whose part after the middle dot runs to seven characters
    (阿卜杜勒贾瓦德): both had lost the credit."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("3月8日,在肯尼亚恩杜鲁玛郡,农民在稻田里收割。新华社记者 王小明 摄",
     {"city": "恩杜鲁玛郡", "country": "肯尼亚", "province": None}),
    ("3月8日,在肯尼亞卡提里郡,漁民在湖邊整理漁網。新華社記者 王小明 攝", {"city": "卡提里郡", "country": "肯尼亞"}),
    ("3月8日,在肯尼亚卡库马镇,孩子们在水井边打水。新华社发(李大伟摄)", {"city": "卡库马镇", "country": "肯尼亚"}),
    # a Chinese name after China is a company's, no town: the chain stops at the country, as before
    ("5月1日,工人在中国石化镇海炼化公司作业。", {"city": None}),
    # a Chinese word before 镇 after a foreign country is no town of it
    ("3月8日,美国小镇居民在街头游行。", {"city": None}),
])
def test_a_county_or_a_town_abroad_right_after_its_country(text, expected):
    """A county (郡) or a town (镇) abroad written right after its country, its name in the characters of foreign
    sounds ("肯尼亚马查科斯郡"): the place stands in for the city, its suffix kept, as a county does at home
    (`chinese_chain._a_unit_abroad` in `read_chain`); the chain had stopped at the country, since a country's
    chain does not jump to a town ("中国石化镇海炼化公司")."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月4日,四川省某某藏族自治州成立60周年庆祝大会在康定市举行。(王小明摄)",
     {"city": "康定", "province": "四川"}),
    ("11月25日,东坝镇首届“古韵乡村”摄影节在千年古村落婺源县汪口村热热闹闹开幕。记者李大伟摄",
     {"city": "婺源县", "sublocation": "汪口村"}),
    ("9月1日,浙江省湖州市第十届茶文化节在安吉县开幕。新华社记者 王小明 摄", {"city": "安吉县", "province": "浙江"}),
    # the event's province holds no city of another province
    ("9月1日,浙江省首届茶文化节在北京国家会议中心开幕。新华社记者 王小明 摄", {"city": "北京", "province": None}),
    # no edition or anniversary after the place: the place opening the sentence is the scene, as before
    ("9月1日,杭州市民在西湖边参加活动,活动在断桥举行。新华社记者 王小明 摄", {"city": "杭州"}),
])
def test_an_event_named_for_a_place_held_at_a_later_place(text, expected):
    """A sentence whose subject is an event named for a place, with its edition or anniversary (首届, 第十届,
    成立60周年), then 在 and the place it is held at and a word of holding ("某某州成立60周年庆祝大会在康定市举行"):
    the later place is the scene's (`chinese_places._an_event_held_at_a_later_place`), and the province the event's
    name opens with is kept when the later place is one of its counties or cities; the first place had been read
    and the place of holding lost."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月6日,在霍山县旧县镇,茶农在采摘春茶。新华社记者 王小明 摄", {"city": "霍山县", "sublocation": "旧县镇"}),
    ("5月6日,在安徽省霍山縣舊縣鎮,茶農在採摘春茶。新華社記者 王小明 攝",
     {"city": "霍山縣", "province": "安徽", "sublocation": "舊縣鎮"}),
    ("王大伟(左)在宁陕县古县乡向村民了解情况。 本报通讯员 李小红摄", {"city": "宁陕县", "sublocation": "古县乡"}),
    # a county's head (县长) after a county is no town
    ("5月6日,在宁陕县,县长在会上讲话。", {"city": "宁陕县", "sublocation": None}),
])
def test_a_town_named_for_an_old_county_seat_after_its_county(text, expected):
    """A town whose name ends in 县 before its 镇 or 乡 (旧县镇, 老县镇: named for an old county seat), right after
    its county: no county lies in a county, so the name is the town's, and the county stays the city
    (`chinese_chain.read_chain`); the town's name had been read as a county below the first, and taken as the
    city without its 镇."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("当地时间2024年6月1日,印度新德里恰纳恰普里,人们在街头排队接水。视觉中国 图",
     {"city": "新德里", "country": "印度"}),
    ("6月1日,在印度新德里康诺特广场,人们在街头排队接水。新华社发", {"city": "新德里", "country": "印度"}),
    # a character of position after a name of China is still read as a position, as before
    ("6月1日,在中国城中村,人们排队接水。", {"city": None}),
])
def test_a_city_abroad_whose_name_ends_in_a_character_of_position(text, expected):
    """A city abroad whose name ends in a character of position (新德里, New Delhi: 里), right after its country and
    before a name of its own (a district, a square): the gazetteer knows the whole name as a foreign city's and
    nothing by the name without the character, so it is read whole (`chinese_chain.known_city`,
    `_a_city_abroad_whole`); only a name ending its clause had been, and the district after it lost the city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,游客在萍乡的武功山上观赏云海。新华社记者 王小明 摄", {"city": "萍乡", "sublocation": "武功山"}),
    ("5月3日,在景德镇,陶艺师正在拉坯。新华社记者 王小明 摄", {"city": "景德镇", "sublocation": None}),
    ("水江鎮宏圖村油菜花開,一派田園風光。特約通訊員 趙小明 攝", {"city": None, "sublocation": "宏圖村"}),
    ("5月3日,采访团来到湘乡的有机茶园,感受生态农业。", {"city": "湘乡"}),
    # a township's name is no city's, and a town right after its county stays the county's
    ("5月3日,在水口乡,茶农在采茶。", {"city": None, "sublocation": "水口乡"}),
    ("5月3日,在河南省新乡县大赵庄村,农民在翻晒小麦。", {"city": "新乡县", "sublocation": "大赵庄村"}),
])
def test_a_city_whose_name_ends_as_a_towns_written_bare(text, expected):
    """A city or a county whose name ends in a town's suffix (萍乡, 湘乡, 安乡, 景德镇), written bare: the gazetteer
    knows the whole name as a city of China with enough people, so it is the city (`chinese_chain.unit_at`,
    `_a_city_named_like_a_town`); the suffix had made it a township, the sublocation, with no city read."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    # the centre alone on the credit's line before the role and the name, or before the name
    ("村民在田间收割晚稻。 凌溪县融媒体中心 记者 王东明 摄",
     {"photographer": "王东明", "agency": "凌溪县融媒体中心", "city": None}),
    ("村民在田间收割晚稻。 芷江区融媒体中心 李小红 摄",
     {"photographer": "李小红", "agency": "芷江区融媒体中心", "city": None}),
    ("游客在古镇老街上漫步。翊州市融媒体中心 赵小娜摄影", {"photographer": "赵小娜", "agency": "翊州市融媒体中心"}),
    # run into the name, with no space
    ("游客在古镇老街上漫步。沅山县融媒体中心王京波摄", {"photographer": "王京波", "agency": "沅山县融媒体中心"}),
    # a city's news or media centre, in the traditional script
    ("漁船陸續返港卸貨。沅州市新聞傳媒中心 張小龍 攝", {"photographer": "張小龍", "agency": "沅州市新聞傳媒中心"}),
    ("渔船陆续返港卸货。珂阳市新闻中心 记者 陈小军 摄", {"photographer": "陈小军", "agency": "珂阳市新闻中心"}),
    # the centre alone in brackets at the end, and the centre with another outlet's app after a dot
    ("农户在晒场上翻晒辣椒。(凌溪县融媒体中心)", {"photographer": None, "agency": "凌溪县融媒体中心", "city": None}),
    ("雪花落在古楼的屋檐上。凌溪县融媒体中心·冀云客户端记者 杨小蕾 摄",
     {"photographer": "杨小蕾", "agency": "凌溪县融媒体中心"}),
    # a known outlet's own media centre stays the outlet (its desk)
    ("渔船陆续返港卸货。大众日报融媒体中心 记者 王小明 摄", {"photographer": "王小明", "agency": "Dazhong Daily"}),
])
def test_a_county_or_city_media_centre_names_the_outlet(text, expected):
    """A county's, a district's or a city's media centre (某某县融媒体中心, 某某市新闻传媒中心, 某某市新闻中心)
    credited as a paper is, before its reporter's name or alone in brackets: the centre is the agency, as written,
    and its county is no scene (``credit.outlet_endings`` and ``credit.run_in_outlet_endings`` of chinese.toml end
    outlets' names with the centres' words; the county had been read as the city and the agency lost)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("果农赶在台风来前采收柳丁。(图/沅溪县融媒体中心)", {"photographer": None, "agency": "沅溪县融媒体中心"}),
    ("果農趕在颱風來前採收柳丁。(圖/沅溪縣融媒體中心)", {"photographer": None, "agency": "沅溪縣融媒體中心"}),
    ("花农赶摘菊花,希望少些损失。(图/芷江电视台)", {"photographer": None, "agency": "芷江电视台"}),
    ("游客在古城里体验簪花。\n图 | 凌川新闻网", {"photographer": None, "agency": "凌川新闻网"}),
    ("雨后的老街空气湿润。\n作者:翊州区融媒体中心", {"photographer": None, "agency": "翊州区融媒体中心"}),
    ("热心民众带着铲子来帮忙清淤。\n\n圖文／珂州縣融媒體中心", {"agency": "珂州縣融媒體中心"}),
    # a source's label alone: the labels read a centre after it as the provider first, the agency second; left
    ("茶农在茶树间采摘鲜叶。(来源:沅溪区融媒体中心)", {"photographer": None, "agency": None}),
    # the internet, a description after 图, and a known agency: as they were
    ("示威者逾千人。(图源:互联网)", {"agency": None, "provider": None}),
    ("果农在采收柳丁。(图:游客在古城里走)", {"agency": None, "photographer": None}),
    ("果农在采收柳丁。(图/新华社)", {"agency": "Xinhua"}),
])
def test_a_label_then_an_outlet_the_registry_lacks_closes_the_caption(text, expected):
    """A photographer's or a source's label, a mark, then an outlet the registry does not know closing the caption
    ("（图/某某县融媒体中心）", "图 | 某某新闻网", "作者:某某区融媒体中心"): the outlet as written is the agency
    when its name ends as a paper's, a site's, a station's or a media centre's
    (`chinese_credits._label_then_unknown_outlet`); the source shape keeps only known outlets after a label and the
    label shape only names of a person's length, so the credit had been lost."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    # a city's news centre sending a contributor's picture, in brackets after the name, or alone
    ("工人在盐田里扒盐、堆盐。王小春摄(沅溪市新闻中心发)", {"photographer": "王小春", "agency": "沅溪市新闻中心"}),
    ("消防员在火场扑救。(芷江市新聞傳媒中心發)", {"photographer": None, "agency": "芷江市新聞傳媒中心"}),
    # an outlet's bureau after its name: the outlet
    ("工人在平整园区的土地。\n(沅溪日报梅列记者站 肖小松 吴小缤 摄影报道)",
     {"photographer": "肖小松", "agency": "沅溪日报"}),
    ("游客观赏丹霞地貌。摄影:张小斌(中国日报甘肃记者站)", {"photographer": "张小斌", "agency": "China Daily"}),
    ("游客观赏丹霞地貌。摄影:张小斌(沅溪晚报兰州分社)", {"photographer": "张小斌", "agency": "沅溪晚报"}),
    # a note in the brackets after the name is no outlet
    ("游客观赏丹霞地貌。摄影:张小斌(无人机照片)", {"photographer": "张小斌", "agency": None}),
])
def test_a_news_centre_sending_and_an_outlets_bureau(text, expected):
    """A city's news or media centre sending a picture ("X 摄（某某市新闻中心发）": ``credit.bracketed_outlet_endings``
    end outlets' names with the centres' words, as 融媒体中心 did), and an outlet's bureau after its name and the
    bureau's place ("某某日报梅列记者站", "（中国日报甘肃记者站）": ``credit.bureaus``,
    `chinese_credits._outlet_of_its_bureau`): the outlet is the agency, the bureau no part of its name."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("花蓮光復,志工清理街道淤泥。(記者林小明攝)", {"city": "光復", "province": None}),
    ("台東成功漁港,漁民卸下剛捕獲的旗魚。(記者林小明攝)", {"city": "成功", "sublocation": "漁港"}),
    ("屏東恆春古城,遊客拍照留念。(記者林小明攝)", {"city": "恆春"}),
    ("宜蘭縣礁溪,遊客泡湯。(記者林小明攝)", {"city": "礁溪", "province": "宜蘭縣"}),
    # a township of another county is no township of this one (nothing is read, as before); one with its suffix is
    # the unit reader's
    ("宜蘭民雄,民眾放天燈。(記者林小明攝)", {"city": None}),
    ("苗栗縣西湖鄉,農民採收柿子。(記者林小明攝)", {"city": "西湖鄉", "province": "苗栗縣"}),
])
def test_a_township_of_taiwan_written_bare_after_its_county(text, expected):
    """A township of Taiwan written bare right after its own county ("宜蘭頭城", "澎湖西嶼"): the table of Taiwan's
    townships by county (chinese.toml, taiwan_townships) knows it, so it is the city (`chinese_chain.unit_at`,
    `_township_after_its_county`; `chinese_places._taiwan_levels`); GeoNames names few townships in Chinese, and
    the bare name had been read as a venue's start, losing the county as well. A bare county is no province for
    certain (嘉義 is a city too); one with 縣 is."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在玉里鎮素有穀倉之稱的某某村,農民插秧。(記者林小明攝)", {"city": "玉里鎮"}),
    ("竹山鎮紫南宮,信眾排隊求發財金。(記者林小明攝)", {"city": "竹山鎮", "sublocation": "紫南宮"}),
    # alone as a sentence's subject, a township is its office or its people: no city read, as before
    ("竹山鎮公所昨天舉辦中秋晚會。(記者林小明攝)", {"city": None}),
    # a mainland town of the same name, written 镇, is the site named
    ("在太平镇,农民插秧。新华社记者 王小明 摄", {"city": None}),
])
def test_a_township_of_taiwan_with_its_suffix_where_the_scene_is(text, expected):
    """A township of Taiwan with its suffix in Taiwan's script (鄉, 鎮), read alone, after 在 or right before a site
    below it ("在鹿谷鄉...", "虎尾鎮北溪里"): the city (`chinese_places._township_alone`), as under its county;
    it had been the sublocation or nothing."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("7月2日,在新疆和布克赛尔蒙古自治县,牧民赶着羊群转场。新华社记者 王小明 摄",
     {"city": "和布克赛尔蒙古自治县", "province": "新疆"}),
    ("清晨,走在新疆和布克赛尔蒙古自治县的草场上,处处是牛羊。", {"city": "和布克赛尔蒙古自治县"}),
    # a county of three or four characters a link opens, as before; and 和 joining two places stays a list's
    ("新疆和静县的农民在收割。", {"city": "和静县", "province": "新疆"}),
    ("江苏常州和泰州两市的市民在江边观景。", {"city": None, "province": "江苏"}),
])
def test_an_autonomous_county_a_linking_word_opens_after_its_region(text, expected):
    """An autonomous county (or banner) whose name opens with a linking word (和), right after its region: its
    people's name and 自治县 make one unit, so 和 is the name's first character, not "and" (chinese_chain
    `_a_county_a_link_opens`, `_a_linked_county_at`); the chain had been read as a list and nothing placed."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("在望德堂區,遊客在街頭拍照。(記者林小明攝)", {"city": "澳門", "sublocation": "望德堂區"}),
    ("在花地瑪堂區,居民排隊領取物資。(記者林小明攝)", {"city": "澳門", "sublocation": "花地瑪堂區"}),
])
def test_a_parish_of_macau_written_alone(text, expected):
    """A parish of Macau (堂区, named for its church) written alone: a district of the city-state, as Hong Kong's
    are (places.city_state_districts; `chinese_places._city_of_district`): the city is Macau and the parish the
    sublocation; the gazetteer lacks them, so the parish had been read as a county standing in for the city."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("5月3日,在阿拉伯联合酋长国阿布扎比街头,游客拍照留念。新华社记者 张明 摄",
     {"country": "阿拉伯联合酋长国", "city": "阿布扎比"}),
    ("在阿拉伯联合酋长国迪拜,市民观看烟花。", {"country": "阿拉伯联合酋长国", "city": "迪拜"}),
    ("6月1日,在巴西首都巴西利亚,民众在广场上集会。", {"country": "巴西", "city": "巴西利亚"}),
    ("在巴西利亞,一位男子在湖邊散步。", {"city": "巴西利亞"}),
    # a country and a city of its own, and a country's short name, as before
    ("在巴西圣保罗,球迷在街头庆祝。", {"country": "巴西", "city": "圣保罗"}),
    ("在阿联酋迪拜,市民观看烟花。", {"country": "阿联酋", "city": "迪拜"}),
])
def test_a_long_country_and_a_city_named_from_its_country(text, expected):
    """A country's name longer than five characters (阿拉伯联合酋长国) is read whole (chinese_chain `_known_country`,
    `_LONGEST_COUNTRY`): a run of five had read the town 阿拉 (of India) as the city. A city the gazetteer knows
    whose name begins with its own country's (巴西利亚 of Brazil) is the city, not the country and a town 利亚
    (`_a_city_named_from_its_country`)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("图为新年前夕成都市春熙路上人流如织。", {"city": "成都", "sublocation": "春熙路"}),
    ("图为藏历新年前夕日喀则市上海路上车流不息。", {"city": "日喀则"}),
    ("过年前夕,西宁市莫家街上人头攒动。", {"city": "西宁"}),
])
def test_the_eve_of_the_new_year_before_the_scene(text, expected):
    """新年前夕 (the new year's eve) holds 年前, which places.clause_words listed bare as a span of years back
    ("四年前某某峰再次胜选"), so the city after it was no scene's; now a number of years before 年前 only (四年前,
    几年前, 110年前), and the place after the eve is read."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一批农场主9日在爱荷华州举行集会,要求降低化肥价格。(美联社)",
     {"province": "爱荷华州", "city": None, "country": None}),
    ("民众在得克萨斯州休斯敦街头参加游行。", {"province": "得克萨斯州", "city": "休斯敦"}),
    ("州长在记者会上讲话,威斯康星州。", {"province": "威斯康星州"}),
    ("居民们在静冈县滨松市的避难所排队领取食物。", {"province": "静冈县", "country": None}),
    ("在京畿道坡州市,游客在临津阁参观。", {"province": "京畿道", "city": "坡州"}),
    ("4月2日,日本长野县,登山者在雪中前行。", {"country": "日本", "province": "长野县"}),
    ("4月2日,日本长野县松本市,游客参观松本城。", {"country": "日本", "province": "长野县", "city": "松本"}),
    ("在俄勒冈州的塞勒姆市,选民排队投票。", {"province": "俄勒冈州", "city": "塞勒姆"}),
    ("在江西省的九江市,志愿者清理河道。", {"province": "江西", "city": "九江"}),
    # its governor and its university are no scene's province; a state after its country as before
    ("犹他州长在记者会上讲话。", {"province": None}),
    ("学生在俄亥俄州立大学校园里散步。", {"province": None}),
    ("在美国佛罗里达州迈阿密,游客在海滩上晒太阳。", {"country": "美国", "province": "佛罗里达州", "city": "迈阿密"}),
    ("在韩国京畿道水原市,游客参观华城。", {"country": "韩国", "province": "京畿道", "city": "水原"}),
])
def test_a_state_or_prefecture_abroad_without_its_country(text, expected):
    """A state, prefecture or province abroad written whole with its suffix (places.states_abroad: 爱荷华州,
    静冈县, 京畿道) is the province where no country is named before it (chinese_chain `_state_abroad`), and a
    prefecture with 县 is after 日本 too (the unit reader took it for a county of China and the chain broke); a
    city written with 市 after a province and 的 is the province's (`_a_city_by_its_suffix`)."""
    check(text, expected)


def test_a_later_sentence_on_the_local_town_after_a_province_abroad():
    """A dated sentence naming only a prefecture, then one on "当地的" (the local) town: the town is the city, the
    prefecture and its country kept (chinese_places `_the_pictures_place`, `_BACK_TO_THE_PLACE`)."""
    check("2018年,日本福冈县遭遇暴雨,多人失踪。当地的小城久留米市一片泥泞,居民清理家园。",
          {"country": "日本", "province": "福冈县", "city": "久留米"})


@pytest.mark.parametrize("text, expected", [
    ("9月,东坪村的稻田迎来丰收,村民们忙着收割。", {"date": None, "date_kind": "taken", "date_text": "9月"}),
    ("今年3月,一位游客在湖边拍摄盛开的樱花。", {"date_kind": "taken", "date_text": "今年3月"}),
    ("4月的清晨,薄雾笼罩着山下的村庄。", {"date_kind": "taken", "date_text": "4月"}),
    ("环保团体今年5月间在市中心广场举行集会。", {"date_kind": "taken", "date_text": "今年5月间"}),
    # a month that opens a span or a list, or names a season, is no scene's time
    ("进入5月,高原上的油菜花陆续开放。", {"date_kind": None, "date_text": None}),
    ("7月盛夏,游客在湖边纳凉。", {"date_kind": None}),
    ("4、5月是观赏杜鹃的旺季。", {"date_kind": None}),
    # a day written later is the caption's own date, as before
    ("9月,东坪村的稻田迎来丰收。10月3日,村民们忙着收割。", {"date_kind": "taken", "date_text": "10月3日"}),
])
def test_a_month_alone_as_the_scenes_time(text, expected):
    """A month in figures with no day nor year, in the first sentence of a caption that writes no other date,
    then a comma, a time of the day or 间 ("9月,...", "今年7月间在..."): the scene's time as written, taken
    (`chinese_dates._a_month_alone`); it had been skipped as "3月" alone, leaving no kind."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("6月10日上午,汨罗市首届龙舟文化节在屈子镇罗江古街开幕。", {"city": "汨罗", "sublocation": "罗江古街"}),
    ("3月2日,巩义市河洛镇首届庙会在河洛镇康店村举行。", {"city": "巩义"}),
    # a later place with its own county or city, or an event that names a town or a province only: as before
    ("5月1日,某某镇首届摄影节在婺源县江湾镇开幕。", {"city": "婺源县"}),
    ("5月1日,浙江省首届茶文化节在北京开幕。", {"city": "北京", "province": None}),
])
def test_an_events_city_above_the_town_it_is_held_in(text, expected):
    """A city's or a county's event held at a later 在 in one of its towns ("某某市首届文化节在某镇某街开幕"): the
    later place is the scene's, and the event's city, named nowhere else, was dropped with the event; a town or a
    village named with no unit above it is now the event's city's (chinese_places `_units_above_its_towns`)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("哨兵迎来新年的第一缕阳光。\n1月1日清晨,执勤官兵精神饱满地走上哨位。",
     {"date_kind": "taken", "date_text": "1月1日"}),
    ("渔船陆续归港。\n8月16日上午,渔民在码头分拣海鲜。", {"date_kind": "taken", "date_text": "8月16日"}),
    # a comma after the day, as before
    ("渔船陆续归港。\n8月16日,渔民在码头分拣海鲜。", {"date_kind": "taken", "date_text": "8月16日"}),
    # ...but a day a later sentence tells of in its middle stays background
    ("渔船陆续归港。\n该码头于8月16日上午正式启用。", {"date_kind": None}),
])
def test_a_day_and_its_time_opening_the_wire_sentence(text, expected):
    """A wire caption's own sentence after a line of its own opens with its day and a time of that day ("1月1日清晨,
    ...", "8月16日上午,..."), not only with a comma (`chinese_dates._opens_its_sentence`, the times a named day
    opening a caption may take, `_AFTER_NAMED_DAY`)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("龙舟划得飞快、鼓声敲得震天……6月10日上午,汨罗市屈子镇第三届龙舟赛在屈子镇罗江村江畔开赛。", {"city": "汨罗"}),
    ("春寒料峭,3月2日清晨,巩义市首届庙会在河洛镇老街开幕。", {"city": "巩义"}),
    # a place the opening clause names, or a dated clause whose later place has its own county, read as before
    ("灯笼高挂、人潮涌动,2月12日晚,宝鸡市凤翔区首届灯会在凤翔区东湖公园开幕。", {"city": "宝鸡"}),
    ("在苏州平江路,3月2日,游客在古街拍照。", {"city": "苏州"}),
])
def test_an_opening_clause_before_the_dated_clause(text, expected):
    """Words of their own before the photo's date, closed by a comma or an ellipsis ("锣鼓敲得铿锵……2月24日上午,"):
    the chain the dated clause opens was never a start (the opening words were the sentence's), and the city was
    lost to a venue after a later 在; when the sentence as a whole gives no city, province nor country, the dated
    clause is read as if it began the sentence (chinese_places `_opens_a_clause_after_words`)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("某国军队进攻乌克兰后,乌克兰首都基辅居民排队购买食品。", {"city": "基辅", "country": "乌克兰"}),
    # the main clause's place read as before, and a main clause that opens with no place keeps the clause of time's
    ("台风袭击菲律宾之后,菲律宾马尼拉市民在街头清理积水。", {"city": "马尼拉"}),
    ("抵达美国后,代表团成员合影留念。", {"country": "美国", "city": None}),
])
def test_a_clause_of_time_before_the_main_clause(text, expected):
    """A country or a province alone closing a clause of time (后, 之后, 以后 and a comma: "某军进攻乌克兰后,") is no
    scene when the main clause opens with a place of its own ("乌克兰首都基辅市居民..."): that chain is read instead
    (chinese_places `_after_a_clause_of_time`)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("8月3日,石岭村足球队球员与河口村足球队球员拼抢。", {"sublocation": None}),
    ("青云大学跆拳道队在开幕式上献上表演。", {"sublocation": None}),
    # a ground of the sport itself is no team's home: the place stays (the pitch, a kind of place unnamed,
    # places.generic_kinds, leaves the village that names it), and the team's word right after the place
    ("8月3日,球员在石岭村足球场上拼抢。", {"sublocation": "石岭村"}),
    ("9月1日,山东泰山队球员在训练。", {"sublocation": None}),
])
def test_a_teams_home_named_before_its_sport(text, expected):
    """A place with a sport and 队 after it ("某某村足球队", "某某大学跆拳道队": places.team_kinds) names a team's home,
    no scene, as a place right before 队 does (chinese_chain.a_team_follows)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("一位游客说,比起青岚草原夏天的浓绿,秋天的草原别有一番韵味。", {"sublocation": None}),
    ("机场大厅仿照松溪博物馆设立了一座小展厅。", {"sublocation": None}),
])
def test_a_place_compared_with_or_copied_is_no_scene(text, expected):
    """A place after a word of comparison or of copying (比起, 相比, 仿照, 仿造: places.likeness) is what the
    scene is compared with or modelled on, somewhere else, no site of the photo."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("4月2日,游客在日本京都青松渊泛舟赏樱。", {"sublocation": "青松渊"}),
    ("8月9日,游客在西藏林芝的玉珠措拍照留念。", {"sublocation": "玉珠措"}),
    # 措 opens a common noun (措施, a measure): no lake's name ends there
    ("工人们做足准备,采样设备、安全措施都要备齐。", {"sublocation": None}),
])
def test_a_name_ending_in_a_venue_word_the_table_lacked(text, expected):
    """Names ending in a deep pool (渊) or a lake as Tibetan names end (措) are venues (places.venue); an old ferry
    crossing (古渡) too, see test_place_kinds."""
    check(text, expected)


@pytest.mark.parametrize("venue, expected", [
    ("张掖与青松湖", False), ("上海書展與上海美食博覽", False),
    # a name with no 与 inside stays
    ("奎沃公园", True), ("青松湖", True),
])
def test_two_names_joined_by_and_are_no_one_venue(venue, expected):
    """A venue's span holding 与 (與, and) between two names ("在某地与某湖之间", "某某书展与某某博览") names two
    things, no one venue (chinese_name_checks.venue_not_a_name)."""
    from catalog.captions.chinese_name_checks import venue_not_a_name

    assert (venue_not_a_name(venue) is None) is expected


@pytest.mark.parametrize("text, expected", [
    ("南洋汇举行中秋节亮灯仪式,彩灯把老街照亮。", {"sublocation": "南洋汇"}),
    ("云锦埕举办元宵灯会,游人如织。", {"sublocation": "云锦埕"}),
    ("8月2日,广东佛山浦岚举办龙舟文化节,吸引了数万名乡亲。", {"sublocation": "浦岚", "city": "佛山"}),
    ("5月8日,学员们在位于张掖市的丹霞里工匠村开展研学讨论。", {"sublocation": "丹霞里工匠村", "city": "张掖"}),
    ("5月8日,學員們在位于張掖市的丹霞里工匠村開展研學討論。", {"sublocation": "丹霞里工匠村"}),
    # the event held, a noun of holding, a clause on the event, people, a word of no place, a word said twice: none
    ("第三届青溪风情节开幕 李小明 摄", {"sublocation": None}),
    ("成都大运揭幕,市民在街头观看烟花。", {"sublocation": None}),
    ("一连三日举行的龙舟赛昨日开锣。", {"sublocation": None}),
    ("东正教信众举行活动纪念大主教。", {"sublocation": None}),
    ("示威者举行集会。", {"sublocation": None}),
    ("庆典在当地举行,市民踊跃参加。", {"sublocation": None}),
    ("发布会在线上举行。", {"sublocation": None}),
    ("11月5日,摄影节在古村落井陉县石门村热热闹闹开幕。", {"sublocation": "石门村"}),
])
def test_a_name_with_no_venue_word_before_a_verb_of_holding(text, expected):
    """A name with no venue word right before a verb of holding (places.held: 举行, 举办, 开展) names where the
    event is held, as the finder's candidate ``before_held`` (chinese_venues._name_where_held), after the chain,
    after 位于...的 or opening the sentence; not an event's own name, 开幕式, 举行的, people nor 户外
    (places.held_nowhere)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("秋日的公园里,银杏叶铺满小路。今年已连续三年在全市考核中位列第一。钱小桐", {"photographer": "钱小桐"}),
    ("晨雾中的渔村 孙小敏", {"photographer": "孙小敏"}),
    ("晨雾中的渔村\n孙小敏", {"photographer": "孙小敏"}),
    ("机器人正在演示机械手臂的功能。冯小飞图", {"photographer": "冯小飞"}),
    # a word of two characters, a venue or a name the prose also names is no photographer's
    ("游客在湖边散步。黄昏", {"photographer": None}),
    ("游客在湖边散步。 高铁站", {"photographer": None}),
    ("孙小敏在湖边散步。孙小敏", {"photographer": None}),
    ("妈祖庙前的送王船仪式。 拍摄于 云林县", {"photographer": None}),
])
def test_a_persons_name_alone_closing_the_caption(text, expected):
    """A person's name of three characters alone after the caption's last full stop, space or line break, or a
    name with 图 (picture) run into it, is the photographer, as papers print a picture story's credit: a name
    that reads as a person's (a surname first, no place, outlet or word of the lists)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("9月3日,在哈萨克斯坦南部城市图尔克斯坦的一家工厂,工人们在操作设备。", {"city": None, "country": "哈萨克斯坦"}),
    ("新疆塔里木河下游,塔克拉玛干与库姆塔格两大沙漠之间的胡杨林泛黄。", {"city": None}),
    ("3月6日,列车在阿拉善境内的小站停靠。内蒙古自治区的铁路职工在车上过年。", {"city": None}),
    # its own country, a namesake of the country named, or a county of China read so: the city stays
    ("5月2日,在英国多佛,游客在白崖下散步。", {"city": "多佛"}),
    ("5月2日,在法国图尔,游客在老城散步。", {"city": "图尔"}),
    ("5月2日,游客在吉林松原查干湖冬捕现场。", {"city": "松原"}),
])
def test_a_small_city_abroad_read_in_another_countrys_scene(text, expected):
    """A city abroad of fewer than a million people read bare, whose country is not the chain's (Tours in
    Kazakhstan) nor, when the chain names none, China's whose provinces the caption names, is a piece of a longer
    name written in sounds (图尔克斯坦, 库姆塔格, 阿拉善), no city of the scene."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("春节期间,副市长走访城区十二所宫庙,向信众拜年。", {"sublocation": None}),
    ("开学首日,全区各大中小学举行升旗仪式。", {"sublocation": None}),
    ("毕业典礼后,学生们告别母校,奔向人生下一站。", {"sublocation": None}),
    ("市长说,这座新馆将带领城市迈向下一个里程碑。", {"sublocation": None}),
    # a number or 大 that is part of the name stays in it
    ("游客在八大处公园登山。", {"sublocation": "八大处公园"}),
    ("村民在八家户村广场跳舞。", {"sublocation": "八家户村广场"}),
])
def test_places_counted_are_no_venue(text, expected):
    """A run read as a venue's name that holds a count of places (十二所, 几个), of kinds (各大, 两大) or the next of a
    sequence (下一站, 下一个) names many places or none: no venue is read from it (chinese_chain._PLACES_COUNTED)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("工人随即把文物交给北山博物院代院长王大明博士。", {"sublocation": None}),
    ("北山博物院副院长王大明在仪式上致辞。", {"sublocation": None}),
    ("晨光日报北山记者站常务副站长王大明致辞。", {"sublocation": None}),
    # a word of position after the venue, then no title: the venue stays
    ("游客在北山博物院前广场拍照。", {"sublocation": "北山博物院前广场"}),
])
def test_a_body_before_its_deputy_or_acting_heads_title_is_no_venue(text, expected):
    """A body right before a deputy's, an acting or a former head's title (副院长, 代院长, 常务副站长) is the person's,
    no scene, as one right before its head's title is (chinese_chain.a_head_follows)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("外观如宫殿般的北山博物馆1日开馆,藏品丰富。", {"sublocation": "北山博物馆"}),
    ("园区道路像公园一样干净。", {"sublocation": None}),
    ("这座体育场的规模在亚洲仅次于朝鲜北山体育场。", {"sublocation": None}),
    ("北山体育场规模在亚洲仅次于朝鲜平安体育场。", {"sublocation": "北山体育场"}),
    # 一般 with no word of likeness before it is "generally": the venue stays
    ("北山公园一般在早上六点开门。", {"sublocation": "北山公园"}),
])
def test_a_place_the_scene_is_likened_or_ranked_against_is_no_venue(text, expected):
    """A venue word closed by a likeness's word (如...般, 像...一样: "like a palace") or a place the scene is ranked
    against (仅次于, second only to: places.likeness) names what the scene looks like or is measured by, elsewhere;
    the venue the phrase describes is the scene's."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("这是5月8日在越南南部航拍的芹苴渔港,渔船整齐排列。", {"sublocation": "芹苴渔港", "country": "越南"}),
    ("这是9月3日在智利北部拍摄的伊基克渔港,海鸥在船间盘旋。", {"sublocation": "伊基克渔港"}),
    ("6月1日,江苏南京,南京火车南站售票大厅排起长队。", {"sublocation": "南京火车南站", "city": "南京"}),
    ("12月1日,黑龙江哈尔滨,哈尔滨火车西站候车室内暖意融融。", {"sublocation": "哈尔滨火车西站", "city": "哈尔滨"}),
    # a kind of place, unnamed (places.generic_kinds), is none: a petrol station, a testing post, a pocket park
    ("清晨,城里的加油站排起长队,司机们耐心等候。", {"sublocation": None}),
    ("清晨,城里的检测站排起长队,市民们耐心等候。", {"sublocation": None}),
    ("某某县城“口袋公园”一角,孩子们荡着秋千。", {"sublocation": None}),
])
def test_a_venue_named_for_its_own_kind(text, expected):
    """A venue word that names a place by its own kind, a station, a port, an airport, a scenic area or a park
    (places.own_kinds: 某某渔港, 某某站), weighs as the finder's signal ``own_kind``: such a name after 的 or opening a
    clause is the venue, where the finder's other signals alone were not enough; never a kind of place unnamed
    (加油站, 检测站, 口袋公园: places.generic_kinds), a city (连云港) nor one character before the word (香港)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    # whose it is, where on the hills, what runs there, what is done there: a kind of place, unnamed
    ("6月2日,北山县青石乡柳林村,茶农在自家茶园里采茶。", {"sublocation": "柳林村"}),
    ("清晨,在北山县青石镇柳林村,村民在山上梯田里插秧。", {"sublocation": "柳林村"}),
    ("正在赶工的新火车站,前方不远即是老城。", {"sublocation": None}),
    ("游行人士走进电车路,只剩两条行车线。", {"sublocation": None}),
    ("县长邀请大家到柳港体验捕鱼、参观造船厂。", {"sublocation": None}),
    ("图为防汛站旁的江水,已经没过第一道江堤。", {"sublocation": None}),
    ("剧团在园区打造的打卡广场演出。", {"sublocation": None}),
    ("双方队员在足球场上奔跑,寸土不让。", {"sublocation": None}),
    ("双方队员在北山足球场上奔跑,寸土不让。", {"sublocation": "北山足球场"}),
    # a name before the kind's word, or one character after 新 (新港, 新村), names a place
    ("8月1日,游客在北山新体育馆观看比赛。", {"sublocation": "北山新体育馆"}),
    ("8月1日,游客在新街购物。", {"sublocation": "新街"}),
    ("8月1日,游客在新村公园散步。", {"sublocation": "新村公园"}),
    ("8月1日,游客在北山火车站排队进站。", {"sublocation": "北山火车站"}),
])
def test_a_kind_of_place_by_its_owner_ground_traffic_or_trade(text, expected):
    """A venue word after nothing but words of what kind of place it is is a common noun, no venue
    (places.generic_kinds): whose it is (自家茶园), where on the hills it lies (山上梯田), what runs or lands there
    (火车站, 电车路), what is done there (造船厂, 防汛站, 打卡广场), the game played there (足球场); and a new one of a
    kind (places.generic_modifiers: 新火车站), where the kind's word has two characters or more (新街 and 新村 are
    names). The village before it, if any, is the place named."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("工人们在青石产业园一期标准厂房里忙碌。", {"sublocation": "青石产业园"}),
    ("青石水电站地下厂房里,工人正在作业。", {"sublocation": "青石水电站"}),
    ("村民在东林镇杨下港河道中打捞水草。", {"sublocation": "杨下港"}),
    ("工人在青石特大桥桥墩上施工。", {"sublocation": "青石特大桥"}),
    ("乘客在北山站站台上候车。", {"sublocation": "北山站"}),
    ("台风过后,小区门口有两棵大路树倒下。", {"sublocation": None}),
    ("游客穿着古装,在花田路肩漫步。", {"sublocation": None}),
    # the venue word ending a name before any other word still ends it
    ("工人们在青石纺织厂里忙碌。", {"sublocation": "青石纺织厂"}),
    ("乘客在北山站候车。", {"sublocation": "北山站"}),
])
def test_a_venue_word_opening_an_everyday_noun_ends_no_name(text, expected):
    """A one-character venue word that opens an everyday noun, a part or a thing of the place (厂房, a factory's
    building; 河道, a river's channel; 路肩 and 路树, a road's shoulder and its trees; 桥墩, a pier; 站台, a platform;
    塔吊, a tower crane: places.venue_word_as_noun), ends no name there: the venue is the name before it that ends
    in a venue word (某某产业园, 某某特大桥, 某某站), or there is none (花田路肩 names no road)."""
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("江心岛音乐草坪上的跨年烟花一景\n\n图片来源:Lee Wai Ming", {"sublocation": "江心岛音乐草坪"}),
    ("南湖公园里的灯会夜景\n\n图片来源:Chan Tai Man", {"sublocation": "南湖公园"}),
    # a credit whose label is cut out with it leaves no label, and the line was read before
    ("白塔寺前的庙会人潮\n摄影：李小红", {"sublocation": "白塔寺"}),
    # a headline above a caption of its own stays a headline: the caption's sentence is the scene
    ("春到江南\n3月5日,游客在南湖公园赏花。\n图片来源:王小明", {"sublocation": "南湖公园"}),
])
def test_a_caption_line_above_its_credit_label_is_no_headline(text, expected):
    """A caption's one line with no full stop, then a credit's label on a line of its own (图片来源:X, 摄影：X): the
    credit cut out leaves the label alone below the line, which is the caption, no headline above it."""
    check(text, expected)
