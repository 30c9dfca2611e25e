"""Write a corpus of Vietnamese planning documents in the seeds' style, for benchmarks.

    python benchmarks/corpus.py --n 1000 --seed 7 OUT_DIR

Every document is plain UTF-8 text of roughly 10-30 KB: a nghị quyết (annual resolution of a
party committee or People's Council with a numbered list of targets and last year's results), a
chương trình hành động (a provincial action programme implementing a national resolution, with
targets to 2030), a kế hoạch (a district, town or commune plan implementing a provincial
programme, with targets and dated tasks) or a báo cáo (a report of results). Provinces are
Vietnam's real ones - the 63 before 1 July 2025 with their districts, the 34 after it with
communes - and the figures, symbols, dates, references and deadlines are drawn at random.

Reproducible: document `i` of seed `S` depends only on (S, i), so the same seed gives
byte-identical files, and `generate_text(seed, i)` can rebuild any one of them alone. Kế hoạch
documents cite an action programme generated earlier in the same corpus (same province, a date
after it), and about one programme in eight omits its own number, as some real files do, so the
library's cascade inference has something to infer.

Other benchmarks import `generate(n, seed, out_dir)` (writes the files, returns their paths) or
`iter_documents(n, seed)` (name, text pairs, in memory).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# --- places -------------------------------------------------------------------------------

# The 63 provinces and centrally-run cities before 1 July 2025, each with a few districts
# (huyện, thị xã, thành phố, quận) of that time.
PROVINCES_63 = {
    "An Giang": ["huyện Chợ Mới", "huyện Phú Tân", "thành phố Châu Đốc"],
    "Bà Rịa - Vũng Tàu": ["huyện Xuyên Mộc", "huyện Long Đất", "huyện Châu Đức"],
    "Bạc Liêu": ["huyện Hồng Dân", "huyện Phước Long", "thị xã Giá Rai"],
    "Bắc Giang": ["huyện Lục Nam", "huyện Yên Thế", "huyện Lạng Giang"],
    "Bắc Kạn": ["huyện Ba Bể", "huyện Chợ Đồn", "huyện Na Rì"],
    "Bắc Ninh": ["huyện Gia Bình", "huyện Lương Tài", "huyện Yên Phong"],
    "Bến Tre": ["huyện Ba Tri", "huyện Mỏ Cày Nam", "huyện Giồng Trôm"],
    "Bình Dương": ["huyện Dầu Tiếng", "huyện Phú Giáo", "thành phố Thủ Dầu Một"],
    "Bình Định": ["huyện Phù Cát", "huyện Tây Sơn", "thị xã An Nhơn"],
    "Bình Phước": ["huyện Bù Đăng", "huyện Lộc Ninh", "huyện Đồng Phú"],
    "Bình Thuận": ["huyện Hàm Thuận Bắc", "huyện Tuy Phong", "thị xã La Gi"],
    "Cà Mau": ["huyện Năm Căn", "huyện Trần Văn Thời", "huyện U Minh"],
    "Cao Bằng": ["huyện Trùng Khánh", "huyện Bảo Lạc", "huyện Hòa An"],
    "Cần Thơ": ["quận Ninh Kiều", "huyện Phong Điền", "huyện Cờ Đỏ"],
    "Đà Nẵng": ["quận Hải Châu", "huyện Hòa Vang", "quận Liên Chiểu"],
    "Đắk Lắk": ["huyện Krông Pắc", "huyện Ea Súp", "thị xã Buôn Hồ"],
    "Đắk Nông": ["huyện Cư Jút", "huyện Krông Nô", "huyện Đắk Mil"],
    "Điện Biên": ["huyện Mường Nhé", "huyện Tuần Giáo", "huyện Điện Biên Đông"],
    "Đồng Nai": ["huyện Định Quán", "huyện Nhơn Trạch", "thành phố Long Khánh"],
    "Đồng Tháp": ["huyện Tháp Mười", "huyện Lai Vung", "thành phố Sa Đéc"],
    "Gia Lai": ["huyện Chư Păh", "huyện Đức Cơ", "thị xã An Khê"],
    "Hà Giang": ["huyện Đồng Văn", "huyện Mèo Vạc", "huyện Bắc Quang"],
    "Hà Nam": ["huyện Lý Nhân", "huyện Thanh Liêm", "huyện Bình Lục"],
    "Hà Nội": ["huyện Sóc Sơn", "huyện Ba Vì", "quận Hoàng Mai"],
    "Hà Tĩnh": ["huyện Đức Thọ", "huyện Hương Khê", "thị xã Kỳ Anh"],
    "Hải Dương": ["huyện Thanh Miện", "huyện Nam Sách", "thành phố Chí Linh"],
    "Hải Phòng": ["huyện Vĩnh Bảo", "huyện Tiên Lãng", "huyện Cát Hải"],
    "Hậu Giang": ["huyện Long Mỹ", "huyện Phụng Hiệp", "thành phố Ngã Bảy"],
    "Hòa Bình": ["huyện Mai Châu", "huyện Lạc Sơn", "huyện Tân Lạc"],
    "Hưng Yên": ["huyện Văn Giang", "huyện Khoái Châu", "thị xã Mỹ Hào"],
    "Khánh Hòa": ["huyện Vạn Ninh", "huyện Diên Khánh", "thị xã Ninh Hòa"],
    "Kiên Giang": ["huyện Kiên Lương", "huyện An Biên", "thành phố Phú Quốc"],
    "Kon Tum": ["huyện Đắk Hà", "huyện Ngọc Hồi", "huyện Kon Plông"],
    "Lai Châu": ["huyện Phong Thổ", "huyện Sìn Hồ", "huyện Tân Uyên"],
    "Lạng Sơn": ["huyện Cao Lộc", "huyện Bình Gia", "huyện Hữu Lũng"],
    "Lào Cai": ["huyện Bát Xát", "huyện Bắc Hà", "thị xã Sa Pa"],
    "Lâm Đồng": ["huyện Đức Trọng", "huyện Lâm Hà", "thành phố Bảo Lộc"],
    "Long An": ["huyện Cần Giuộc", "huyện Đức Hòa", "thị xã Kiến Tường"],
    "Nam Định": ["huyện Hải Hậu", "huyện Giao Thủy", "huyện Ý Yên"],
    "Nghệ An": ["huyện Quỳnh Lưu", "huyện Yên Thành", "thị xã Thái Hòa"],
    "Ninh Bình": ["huyện Kim Sơn", "huyện Gia Viễn", "huyện Nho Quan"],
    "Ninh Thuận": ["huyện Ninh Hải", "huyện Thuận Bắc", "huyện Ninh Phước"],
    "Phú Thọ": ["huyện Thanh Sơn", "huyện Lâm Thao", "thị xã Phú Thọ"],
    "Phú Yên": ["huyện Tuy An", "huyện Sơn Hòa", "thị xã Sông Cầu"],
    "Quảng Bình": ["huyện Bố Trạch", "huyện Lệ Thủy", "thị xã Ba Đồn"],
    "Quảng Nam": ["huyện Thăng Bình", "huyện Núi Thành", "thị xã Điện Bàn"],
    "Quảng Ngãi": ["huyện Bình Sơn", "huyện Tư Nghĩa", "thị xã Đức Phổ"],
    "Quảng Ninh": ["huyện Tiên Yên", "huyện Vân Đồn", "thị xã Đông Triều"],
    "Quảng Trị": ["huyện Hải Lăng", "huyện Vĩnh Linh", "huyện Hướng Hóa"],
    "Sóc Trăng": ["huyện Mỹ Xuyên", "huyện Kế Sách", "thị xã Vĩnh Châu"],
    "Sơn La": ["huyện Mộc Châu", "huyện Mai Sơn", "huyện Sông Mã"],
    "Tây Ninh": ["huyện Tân Biên", "huyện Dương Minh Châu", "thị xã Hòa Thành"],
    "Thái Bình": ["huyện Tiền Hải", "huyện Quỳnh Phụ", "huyện Thái Thụy"],
    "Thái Nguyên": ["huyện Đại Từ", "huyện Phú Lương", "thành phố Sông Công"],
    "Thanh Hóa": ["huyện Nông Cống", "huyện Thọ Xuân", "thị xã Nghi Sơn"],
    "Thừa Thiên Huế": ["huyện Phú Vang", "huyện A Lưới", "thị xã Hương Thủy"],
    "Tiền Giang": ["huyện Cái Bè", "huyện Gò Công Đông", "thị xã Cai Lậy"],
    "Thành phố Hồ Chí Minh": ["huyện Củ Chi", "huyện Cần Giờ", "thành phố Thủ Đức"],
    "Trà Vinh": ["huyện Cầu Kè", "huyện Trà Cú", "thị xã Duyên Hải"],
    "Tuyên Quang": ["huyện Hàm Yên", "huyện Sơn Dương", "huyện Chiêm Hóa"],
    "Vĩnh Long": ["huyện Long Hồ", "huyện Trà Ôn", "thị xã Bình Minh"],
    "Vĩnh Phúc": ["huyện Tam Đảo", "huyện Lập Thạch", "thành phố Phúc Yên"],
    "Yên Bái": ["huyện Văn Chấn", "huyện Lục Yên", "thị xã Nghĩa Lộ"],
}
# The 34 provinces and centrally-run cities from 1 July 2025 (no districts any more).
PROVINCES_34 = [
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ",
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk",
    "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"}
# Commune names after the 2025 merger are mostly of this kind.
COMMUNES = ["Tân Lập", "Hòa Phú", "Phú Lộc", "Quảng Phú", "Đông Hưng", "Yên Hòa", "Thành Công",
            "Tân Thành", "Bình Minh", "Hưng Nguyên", "Xuân Lộc", "Hải Ninh", "Nam Phước", "Kim Long",
            "Thuận An", "Vĩnh Thạnh", "Trung Sơn", "Đại Đồng", "Phước Hải", "Cẩm Bình"]
REFORM = dt.date(2025, 7, 1)

# --- national documents that provinces implement (real symbols, dates and subjects) ---------------

NATIONAL = [
    ("57-NQ/TW", dt.date(2024, 12, 22), "Bộ Chính trị",
     "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
    ("06-NQ/TW", dt.date(2022, 1, 24), "Bộ Chính trị",
     "về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045"),
    ("19-NQ/TW", dt.date(2022, 6, 16), "Ban Chấp hành Trung ương Đảng",
     "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045"),
    ("29-NQ/TW", dt.date(2022, 11, 17), "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045"),
    ("36-NQ/TW", dt.date(2018, 10, 22), "Ban Chấp hành Trung ương Đảng",
     "về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045"),
    ("52-NQ/TW", dt.date(2019, 9, 27), "Bộ Chính trị",
     "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư"),
    ("20-NQ/TW", dt.date(2022, 6, 16), "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới"),
    ("41-NQ/TW", dt.date(2023, 10, 10), "Bộ Chính trị",
     "về xây dựng và phát huy vai trò của đội ngũ doanh nhân Việt Nam trong thời kỳ mới"),
    ("42-NQ/TW", dt.date(2023, 11, 24), "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới"),
    ("59-NQ/TW", dt.date(2025, 1, 24), "Bộ Chính trị", "về hội nhập quốc tế trong tình hình mới"),
    ("68-NQ/TW", dt.date(2025, 5, 4), "Bộ Chính trị", "về phát triển kinh tế tư nhân"),
    ("71-NQ/TW", dt.date(2025, 8, 22), "Bộ Chính trị", "về đột phá phát triển giáo dục và đào tạo"),
]
GOVERNMENT = [("NQ-CP", "Nghị quyết", "Chính phủ"), ("QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
              ("CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ")]

# --- indicators: (name, unit, low, high, decimals, scales with the size of the unit) -------------

INDICATORS = [
    ("Tốc độ tăng trưởng kinh tế (GRDP)", "%", 6, 11, 1, False),
    ("GRDP bình quân đầu người", "triệu đồng", 55, 190, 0, False),
    ("Thu nhập bình quân đầu người", "triệu đồng/người/năm", 40, 120, 0, False),
    ("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 2000, 60000, 0, True),
    ("Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", 10000, 120000, 0, True),
    ("Kim ngạch xuất khẩu", "triệu USD", 200, 9000, 0, True),
    ("Sản lượng lương thực", "tấn", 150000, 1500000, 0, True),
    ("Tỷ lệ đô thị hóa", "%", 18, 55, 1, False),
    ("Tỷ lệ lao động qua đào tạo", "%", 60, 90, 1, False),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 90, 98, 1, False),
    ("Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội", "%", 25, 45, 1, False),
    ("Tỷ lệ che phủ rừng", "%", 30, 68, 1, False),
    ("Tỷ lệ dân số nông thôn được sử dụng nước sạch đáp ứng quy chuẩn", "%", 50, 90, 0, False),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", 85, 99, 0, False),
    ("Tỷ lệ trường học đạt chuẩn quốc gia", "%", 70, 95, 0, False),
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", 40, 90, 0, False),
    ("Tỷ trọng kinh tế số trong GRDP", "%", 8, 30, 1, False),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "%", 30, 80, 0, False),
    ("Tỷ lệ thôn, tổ dân phố đạt danh hiệu văn hóa", "%", 80, 96, 0, False),
    ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", 80, 95, 0, False),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", 300, 3000, 0, True),
    ("Giải quyết việc làm mới cho", "lao động", 5000, 40000, 0, True),
    ("Số lượt khách du lịch", "lượt khách", 1000000, 9000000, 0, True),
]
PER_10000 = [("bác sĩ/vạn dân", 8, 16), ("giường bệnh/vạn dân", 28, 45),
             ("dược sĩ đại học/vạn dân", 2, 4)]
SECTORS = ["nông, lâm nghiệp và thủy sản", "công nghiệp - xây dựng", "dịch vụ",
           "thuế sản phẩm trừ trợ cấp sản phẩm"]

# --- task phrases for filler paragraphs -------------------------------------------------------------

VERBS = ["Đẩy mạnh", "Tập trung", "Tiếp tục", "Nâng cao chất lượng", "Tăng cường", "Rà soát, hoàn thiện",
         "Huy động các nguồn lực cho", "Triển khai có hiệu quả", "Chú trọng", "Đổi mới",
         "Quan tâm lãnh đạo, chỉ đạo", "Ưu tiên bố trí nguồn lực cho", "Thực hiện đồng bộ"]
OBJECTS = [
    "công tác cải cách hành chính, cải thiện môi trường đầu tư kinh doanh",
    "chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị",
    "phát triển kết cấu hạ tầng giao thông kết nối vùng",
    "cơ cấu lại ngành nông nghiệp theo hướng sản xuất hàng hóa tập trung",
    "xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "thu hút đầu tư vào các khu công nghiệp, cụm công nghiệp",
    "phát triển du lịch gắn với bảo tồn, phát huy giá trị di sản văn hóa",
    "công tác đào tạo nghề, giải quyết việc làm cho người lao động",
    "công tác bảo vệ môi trường, ứng phó với biến đổi khí hậu",
    "công tác phòng, chống tham nhũng, tiêu cực, lãng phí",
    "xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
    "chất lượng giáo dục và đào tạo, nhất là giáo dục mũi nhọn",
    "mạng lưới y tế cơ sở và chăm sóc sức khỏe Nhân dân",
    "các chính sách an sinh xã hội, chăm lo người có công, hộ nghèo",
    "công tác quản lý đất đai, tài nguyên, khoáng sản",
    "phát triển kinh tế tập thể, hợp tác xã kiểu mới",
    "công tác giải phóng mặt bằng các dự án trọng điểm",
    "ứng dụng khoa học, công nghệ vào sản xuất, kinh doanh",
    "xây dựng khu vực phòng thủ vững chắc, giữ gìn an ninh, trật tự",
    "công tác dân vận, củng cố khối đại đoàn kết toàn dân",
]
COMPLEMENTS = [
    "gắn với thực hiện các chương trình mục tiêu quốc gia", "bảo đảm thực chất, hiệu quả, bền vững",
    "nhất là ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số",
    "phù hợp với quy hoạch tỉnh và điều kiện thực tiễn của địa phương",
    "tạo chuyển biến rõ nét về nhận thức và hành động", "trên cơ sở phát huy vai trò chủ thể của Nhân dân",
    "kịp thời tháo gỡ khó khăn, vướng mắc cho người dân, doanh nghiệp",
    "lấy kết quả thực hiện làm tiêu chí đánh giá cán bộ, người đứng đầu",
    "tránh hình thức, lãng phí", "đáp ứng yêu cầu phát triển trong giai đoạn mới",
]
HEADINGS = [
    "Nâng cao nhận thức, đổi mới tư duy, tạo sự thống nhất trong hệ thống chính trị",
    "Hoàn thiện cơ chế, chính sách, cải thiện môi trường đầu tư kinh doanh",
    "Phát triển kết cấu hạ tầng kinh tế - xã hội đồng bộ, hiện đại",
    "Thúc đẩy chuyển dịch cơ cấu kinh tế, nâng cao năng suất lao động",
    "Phát triển nguồn nhân lực, nhất là nhân lực chất lượng cao",
    "Phát triển văn hóa, xã hội, bảo đảm an sinh xã hội",
    "Quản lý, sử dụng hiệu quả tài nguyên, bảo vệ môi trường",
    "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
    "Xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh",
]
BODIES = ["Ban Tuyên giáo {lvl}", "Văn phòng {lvl}", "Ủy ban Kiểm tra {lvl}", "Ban Tổ chức {lvl}",
          "Ủy ban nhân dân {unit}", "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}"]
TASKS = ["tổ chức quán triệt, triển khai {ref}", "xây dựng kế hoạch thực hiện {ref}",
         "sơ kết việc thực hiện {ref}", "báo cáo kết quả thực hiện {ref}",
         "ban hành các cơ chế, chính sách cụ thể hóa {ref}", "kiểm tra, giám sát việc thực hiện {ref}"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Đức", "Quang", "Minh", "Hữu", "Thanh", "Xuân", "Ngọc", "Đình"]
GIVENS = ["Hùng", "Lan", "Dũng", "Hải", "Hòa", "Tuấn", "Thắng", "Nam", "Hương", "Sơn", "Long", "Bình",
          "Cường", "Hạnh", "Phong", "Trung"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


# --- formatting ------------------------------------------------------------------------------

def vn_number(x: float, decimals: int = 0) -> str:
    """Vietnamese number: `.` groups thousands, `,` marks decimals.

    >>> vn_number(17900), vn_number(7.3, 1), vn_number(1234567.25, 2), vn_number(95.0, 1)
    ('17.900', '7,3', '1.234.567,25', '95')
    """
    text = f"{x:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def short_date(d: dt.date) -> str:
    """`05/5/2023`: day with two digits, month without, as the seeds cite dates."""
    return f"{d.day:02d}/{d.month}/{d.year}"


def long_date(d: dt.date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if d.month < 3 else \
        f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


# --- identity: who issues what, when (cheap, so other documents can cite it) ----------------------

KINDS = ["nghi_quyet", "chuong_trinh_hanh_dong", "ke_hoach", "bao_cao"]
KIND_WEIGHTS = [25, 20, 35, 20]


@dataclass
class Identity:
    index: int
    kind: str
    date: dt.date
    province: str
    unit: str | None            # district or commune ("huyện Ba Vì", "xã Tân Lập"); None: province
    issuer: str                 # "Ban Thường vụ Tỉnh ủy", "Hội đồng nhân dân tỉnh Quảng Bình"...
    header: str                 # "TỈNH ỦY QUẢNG TRỊ"
    symbol: str
    state: bool                 # HĐND/UBND (state) rather than a party committee
    national: tuple             # the national resolution this document (ultimately) implements
    parent: Identity | None = None
    omit_symbol: bool = False


def _rng(seed: int, index: int, part: str) -> random.Random:
    # String seeds hash with SHA-512: stable across runs and PYTHONHASHSEED.
    return random.Random(f"{seed}:{index}:{part}")


def _party_org(unit: str) -> tuple[str, str, str]:
    """(header, committee, symbol suffix) of the party committee of a district or commune."""
    kind, _, name = unit.partition(" ")
    if kind == "huyện":
        return f"HUYỆN ỦY {name.upper()}", f"Huyện ủy {name}", "HU"
    if kind == "quận":
        return f"QUẬN ỦY {name.upper()}", f"Quận ủy {name}", "QU"
    if kind == "thị":                                # thị xã
        name = name.partition(" ")[2]
        return f"THỊ ỦY {name.upper()}", f"Thị ủy {name}", "TU"
    if kind == "thành":                              # thành phố
        name = name.partition(" ")[2]
        return f"THÀNH ỦY {name.upper()}", f"Thành ủy {name}", "TU"
    return f"ĐẢNG ỦY {unit.upper()}", f"Đảng ủy {unit}", "ĐU"


@functools.lru_cache(maxsize=4096)     # kế hoạch look back at earlier documents' identities
def _base(seed: int, index: int) -> Identity:
    rng = _rng(seed, index, "id")
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    national = rng.choice(NATIONAL)
    date = national[1] + dt.timedelta(days=rng.randint(40, 700))
    date = min(date, dt.date(2026, 10, 30))
    if date >= REFORM:
        province = rng.choice(PROVINCES_34)
        units = [f"xã {c}" for c in COMMUNES[:8]] + [f"phường {c}" for c in COMMUNES[8:12]]
    else:
        province = rng.choice(list(PROVINCES_63))
        units = PROVINCES_63[province]
    committee = "Thành ủy" if province in CITIES else "Tỉnh ủy"
    header = f"{committee.upper()} {province.upper()}"
    number = rng.randint(1, 480)
    state, unit, omit = False, None, False
    if kind == "chuong_trinh_hanh_dong":
        issuer, symbol = f"Ban Thường vụ {committee}", f"{number}-CTr/TU"
        omit = rng.random() < 0.125
    elif kind == "nghi_quyet" and rng.random() < 0.4:
        state = True
        issuer, symbol = f"Hội đồng nhân dân tỉnh {province}", f"{number}/NQ-HĐND"
        header = f"HỘI ĐỒNG NHÂN DÂN\nTỈNH {province.upper()}"
    elif kind == "nghi_quyet":
        issuer, symbol = f"Ban Chấp hành Đảng bộ {'thành phố' if province in CITIES else 'tỉnh'}", f"{number}-NQ/TU"
    else:
        unit = rng.choice(units)
        header, org, suffix = _party_org(unit)
        code = "KH" if kind == "ke_hoach" else "BC"
        issuer, symbol = f"Ban Thường vụ {org}", f"{number}-{code}/{suffix}"
        if kind == "bao_cao" and rng.random() < 0.3:
            state, unit = True, None
            issuer, symbol = f"Ủy ban nhân dân tỉnh {province}", f"{number}/BC-UBND"
            header = f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}"
    return Identity(index, kind, date, province, unit, issuer, header, symbol, state, national,
                    omit_symbol=omit)


def identity(seed: int, index: int) -> Identity:
    """Who issues document `index` and when; a kế hoạch is tied to an earlier action programme."""
    ident = _base(seed, index)
    if ident.kind != "ke_hoach":
        return ident
    ident = dataclasses.replace(ident)                  # the cached base stays untouched
    for j in range(index - 1, max(-1, index - 60), -1):
        cand = _base(seed, j)
        if cand.kind == "chuong_trinh_hanh_dong" and (cand.date >= REFORM) == (ident.date >= REFORM):
            rng = _rng(seed, index, "parent")
            ident.parent, ident.national = cand, cand.national
            ident.province = cand.province
            units = (PROVINCES_63.get(cand.province) if cand.date < REFORM else
                     [f"xã {c}" for c in COMMUNES[:8]]) or [f"xã {COMMUNES[0]}"]
            ident.unit = rng.choice(units)
            ident.header, org, suffix = _party_org(ident.unit)
            ident.issuer = f"Ban Thường vụ {org}"
            ident.symbol = f"{ident.symbol.split('-')[0]}-KH/{suffix}"
            ident.date = cand.date + dt.timedelta(days=rng.randint(12, 75))
            if cand.date < REFORM <= ident.date:        # stay in the parent's era
                ident.date = REFORM - dt.timedelta(days=1)
            break
    return ident


# --- document body ------------------------------------------------------------------------------------

class Writer:
    """Assembles one document; `rng` is the document's own random stream."""

    def __init__(self, ident: Identity, rng: random.Random):
        self.id, self.rng, self.lines = ident, rng, []
        self.size = 0
        # Money and counts shrink with the unit: a district is ~8% of a province, a commune ~1%.
        unit = ident.unit or ""
        self.scale = 1.0 if not unit else 0.01 if unit.startswith(("xã", "phường")) else 0.08

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.size += len(line) + 1

    def place(self) -> str:
        u = self.id.unit
        if u is None:
            return self.id.province.replace("Thành phố ", "")
        return u.split(" ", 2)[-1] if u.startswith(("thị xã", "thành phố")) else u.split(" ", 1)[1]

    def header(self) -> None:
        i, r = self.id, self.rng
        motto = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" if i.state
                 else "ĐẢNG CỘNG SẢN VIỆT NAM")
        dateline = f"{self.place()}, {long_date(i.date)}"
        number = f"Số: {i.symbol}" if i.state or r.random() < 0.4 else f"Số {i.symbol}"
        if i.omit_symbol:
            self.add(i.header, "*", motto, "")
            return
        org = i.header.split("\n")
        if r.random() < 0.5 and not i.state:          # two columns on one line, as pdftotext lays them out
            self.add(f"{org[0]:<44}{motto}", f"{'*':^20}", f"{number:<44}{dateline}", "")
        else:
            self.add(*org, "*" if not i.state else "", number, "", *motto.split("\n"), dateline, "")

    def cite(self, ident: Identity) -> str:
        kind = "Chương trình hành động"
        return f"{kind} số {ident.symbol}, ngày {short_date(ident.date)} của {ident.issuer}"

    def national(self) -> str:
        sym, date, issuer, about = self.id.national
        return f"Nghị quyết số {sym}, ngày {short_date(date)} của {issuer} {about}"

    def other_reference(self) -> str:
        r = self.rng
        code, word, issuer = r.choice(GOVERNMENT)
        d = self.id.date - dt.timedelta(days=r.randint(60, 1500))
        return f"{word} số {r.randint(1, 2200)}/{code} ngày {short_date(d)} của {issuer}"

    def paragraph(self, sentences: int) -> str:
        r = self.rng
        # One batched draw per list: `choices(k=...)` is several times faster than `choice` in a loop.
        verbs, objects = r.choices(VERBS, k=2 * sentences), r.choices(OBJECTS, k=2 * sentences)
        tails = r.choices(COMPLEMENTS + [""] * 7, k=sentences)        # ~60% of sentences get one
        out = []
        for n in range(sentences):
            tail = f", {tails[n]}" if tails[n] else ""
            out.append(f"{verbs[2 * n]} {objects[2 * n]}; {verbs[2 * n + 1].lower()} "
                       f"{objects[2 * n + 1]}{tail}.")
        return " ".join(out)

    def figure(self, ind: tuple, year_note: str = "") -> str:
        """One target clause: indicator, comparator word, number, unit."""
        r = self.rng
        name, unit, lo, hi, dec, scales = ind
        k = self.scale if scales else 1.0
        value = round(r.uniform(lo, hi) * k, dec)
        if unit == "%" and value > 100:
            value = 100
        word = r.choice(["đạt ", "đạt trên ", "đạt khoảng ", "đạt ít nhất ", "đạt "])
        if r.random() < 0.12 and unit in ("%", "tỷ đồng", "triệu USD"):
            hi_v = round(value * r.uniform(1.05, 1.2), dec)
            if unit == "%":
                hi_v = min(hi_v, 100)
            if hi_v > value:
                return f"{name}{year_note} đạt {vn_number(value, dec)} - {vn_number(hi_v, dec)}{self._u(unit)}"
        if name.startswith("Giải quyết"):
            word = r.choice(["", "trên ", "khoảng "])
            return f"{name} {word}{vn_number(value, dec)}{self._u(unit)}"
        clause = f"{name}{year_note} {word}{vn_number(value, dec)}{self._u(unit)}"
        if name.startswith("Tổng thu ngân sách") and r.random() < 0.6:   # a "trong đó" part
            clause += f", trong đó thu nội địa {vn_number(round(value * r.uniform(0.6, 0.9)))} tỷ đồng"
        elif name == "Tỷ lệ lao động qua đào tạo" and r.random() < 0.6:
            clause += f", trong đó có bằng cấp, chứng chỉ đạt {vn_number(r.uniform(25, 45), 1)}%"
        return clause

    @staticmethod
    def _u(unit: str) -> str:
        return unit if unit == "%" or unit.startswith("%") else f" {unit}"

    def shares(self) -> str:
        r = self.rng
        parts = [r.uniform(5, 30), r.uniform(25, 45), r.uniform(30, 50), r.uniform(2, 8)]
        total = sum(parts)                               # rescaled so the four shares add up to 100
        parts = [round(p * 100 / total, 1) for p in parts]
        return "cơ cấu kinh tế: " + "; ".join(f"{s} chiếm {vn_number(p, 1)}%" for s, p in zip(SECTORS, parts))

    def targets(self, count: int, numbered: bool, year_note: str = "") -> list[str]:
        r = self.rng
        pool = r.sample(INDICATORS, min(count, len(INDICATORS)))
        clauses = [self.figure(ind, year_note) for ind in pool]
        per = r.choice(PER_10000)
        clauses.insert(r.randint(0, len(clauses)), f"Đạt {vn_number(r.randint(per[1], per[2]))} {per[0]}")
        clauses.insert(r.randint(0, len(clauses)), "Tỷ lệ hộ nghèo " + (
            f"giảm còn {vn_number(r.uniform(0.8, 4.5), 2)}%" if r.random() < 0.5 else
            f"giảm {vn_number(r.uniform(0.3, 0.8), 1)} - {vn_number(r.uniform(0.9, 1.6), 1)}%/năm"))
        if self.id.unit is None and r.random() < 0.7:
            shares = self.shares()
            clauses.insert(1, shares[0].upper() + shares[1:])
        if r.random() < 0.5:
            clauses.append(f"GRDP tăng khoảng {vn_number(r.uniform(1.6, 2.4), 1)} lần so với năm 2020")
        if r.random() < 0.4:
            clauses.append(f"Thu nhập bình quân đầu người gấp {vn_number(r.uniform(1.05, 1.3), 2)} "
                           "lần so với trung bình cả nước")
        if numbered:
            return [f"({n}) {c}." for n, c in enumerate(clauses, 1)]
        return [f"- {c}." for c in clauses]

    def results(self, year: int) -> str:
        r = self.rng
        total = r.randint(20, 30)
        done = r.randint(total - 6, total)
        plan = r.randint(2000, 40000) * self.scale
        got = plan * r.uniform(0.85, 1.25)
        return (f"Năm {year}, có {done}/{total} chỉ tiêu đạt và vượt kế hoạch. Tăng trưởng kinh tế ước đạt "
                f"{vn_number(r.uniform(5, 10), 2)}%; thu ngân sách nhà nước trên địa bàn đạt "
                f"{vn_number(round(got))}/{vn_number(round(plan))} tỷ đồng, bằng "
                f"{vn_number(got * 100 / plan, 1)}% dự toán; tỷ lệ hộ nghèo giảm còn "
                f"{vn_number(r.uniform(0.8, 5), 2)}%; giải quyết việc làm cho "
                f"{vn_number(r.randint(800, 30000) * (1 if self.scale == 1 else 0.2))} lao động. "
                + self.paragraph(2))

    def deadlines(self, ref: str) -> list[str]:
        r = self.rng
        lvl = "Tỉnh ủy" if self.id.unit is None else self.id.issuer.replace("Ban Thường vụ ", "")
        unit = "tỉnh" if self.id.unit is None else self.id.unit.split(" ")[0]
        start = self.id.date
        out = []
        for n in range(1, r.randint(3, 6) + 1):
            body = r.choice(BODIES).format(lvl=lvl, unit=unit)
            task = r.choice(TASKS).format(ref=ref)
            when = start + dt.timedelta(days=r.randint(20, 300))
            form = r.randrange(4)
            if form == 0:
                due = f"hoàn thành trước {short_date(when)}"
            elif form == 1:
                due = f"hoàn thành trong tháng {when.month:02d}/{when.year}"
            elif form == 2:
                due = f"trong Quý {ROMAN[(when.month - 1) // 3]} năm {when.year}"
            else:
                due = f"trước ngày {short_date(when)}"
            out.append(f"{n}. {body} chủ trì {task}, {due}.")
        return out

    def signature(self) -> None:
        r = self.rng
        name = f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVENS)}"
        self.add("Nơi nhận:")
        for rec in ("Thường trực Tỉnh ủy (b/c),", "Các đồng chí Ủy viên Ban Thường vụ,",
                    "Các ban đảng, Văn phòng,", "Các cơ quan, đơn vị liên quan,", "Lưu Văn phòng."):
            self.add(f"- {rec}")
        self.add("")
        if "UBND" in self.id.symbol:
            self.add("TM. ỦY BAN NHÂN DÂN", r.choice(["CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]))
        elif self.id.state:                              # HĐND: the chair signs in person
            self.add("CHỦ TỊCH")
        elif "Thường vụ" in self.id.issuer:
            self.add("T/M BAN THƯỜNG VỤ", r.choice(["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]))
        else:                                            # the executive committee of the province
            self.add(f"T/M {self.id.header.split(' ', 2)[0]} ỦY", "BÍ THƯ")
        self.add("", name)

    def fill_tasks(self, roman: str, target_chars: int) -> None:
        """Section of tasks, grown until the document reaches its drawn size."""
        r = self.rng
        self.add(f"{roman}. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "")
        headings = r.sample(HEADINGS, len(HEADINGS))
        n = 0
        while self.size < target_chars or n < 3:
            self.add(f"{n + 1}. {headings[n % len(headings)]}", "")
            for _ in range(r.randint(1, 3)):
                self.add(f"- {self.paragraph(r.randint(3, 6))}", "")
            n += 1


def _title(w: Writer) -> tuple[str, list[str]]:
    i = w.id
    year = i.date.year
    if i.kind == "nghi_quyet":
        return "NGHỊ QUYẾT", [f"Về phương hướng, nhiệm vụ phát triển kinh tế - xã hội năm {year + 1}"]
    if i.kind == "chuong_trinh_hanh_dong":
        return "CHƯƠNG TRÌNH HÀNH ĐỘNG", [f"thực hiện {w.national()}"]
    if i.kind == "ke_hoach":
        ref = w.cite(i.parent) if i.parent else w.national()
        return "KẾ HOẠCH", [f"thực hiện {ref}"]
    return "BÁO CÁO", [f"Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year}"]


SIZE = (10_000, 30_000)          # bytes: the range document sizes are drawn from


def render(seed: int, index: int, size: tuple[int, int] = SIZE) -> str:
    """The text of document `index` of the corpus of `seed`, about `size` bytes long.

    Another `size` changes only how much filler the task section gets, not the figures.
    """
    ident = identity(seed, index)
    rng = _rng(seed, index, "body")
    w = Writer(ident, rng)
    target_chars = int(rng.uniform(*size) / 1.33)            # ~1.33 UTF-8 bytes per character
    w.header()
    word, title = _title(w)
    w.add(word, *title, "")
    year = ident.date.year
    horizon = 2030 if ident.kind in ("chuong_trinh_hanh_dong", "ke_hoach") else year + 1
    preamble_ref = w.cite(ident.parent) if ident.parent else w.national()
    if ident.parent and rng.random() < 0.5:              # "... của Ban Thường vụ Tỉnh ủy thực hiện NQ ..."
        preamble_ref += " thực hiện " + w.national()
    w.add(f"Thực hiện {preamble_ref}; {w.other_reference()}, {ident.issuer} ban hành "
          f"{word.capitalize().replace('Báo cáo', 'báo cáo').replace('Nghị quyết', 'nghị quyết')} như sau:", "")
    sec = 0
    if ident.kind in ("nghi_quyet", "bao_cao") or rng.random() < 0.5:
        w.add(f"{ROMAN[sec]}. KẾT QUẢ THỰC HIỆN NĂM {year if ident.kind != 'ke_hoach' else year - 1}", "")
        w.add(w.results(year if ident.kind != "ke_hoach" else year - 1), "")
        w.add(w.paragraph(rng.randint(3, 6)), "")
        sec += 1
    if ident.kind != "bao_cao" or rng.random() < 0.5:
        w.add(f"{ROMAN[sec]}. MỤC TIÊU, CHỈ TIÊU", "", "1. Mục tiêu chung", "", w.paragraph(3), "")
        w.add(f"2. Các chỉ tiêu chủ yếu đến năm {horizon}", "")
        numbered = ident.kind == "nghi_quyet"
        items = w.targets(rng.randint(8, 20), numbered)
        if numbered and rng.random() < 0.5:
            w.add(" ".join(items), "")
        else:
            w.add(*[x for item in items for x in (item, "")])
        sec += 1
    w.fill_tasks(ROMAN[sec], target_chars - 1500)
    sec += 1
    w.add(f"{ROMAN[sec]}. TỔ CHỨC THỰC HIỆN", "")
    own = {"nghi_quyet": "Nghị quyết", "chuong_trinh_hanh_dong": "Chương trình hành động",
           "ke_hoach": "Kế hoạch", "bao_cao": "Báo cáo"}[ident.kind]
    for line in w.deadlines(f"{own} này"):
        w.add(line, "")
    w.signature()
    return "\n".join(w.lines) + "\n"


def file_name(seed: int, index: int) -> str:
    kind = _base(seed, index).kind
    code = {"nghi_quyet": "nq", "chuong_trinh_hanh_dong": "ctr", "ke_hoach": "kh", "bao_cao": "bc"}[kind]
    return f"{index:05d}_{code}.txt"


def iter_documents(n: int, seed: int, size: tuple[int, int] = SIZE) -> Iterator[tuple[str, str]]:
    """(file name, text) for documents 0..n-1 of the corpus of `seed`, in memory."""
    for i in range(n):
        yield file_name(seed, i), render(seed, i, size)


def generate(n: int, seed: int, out_dir: str | Path, size: tuple[int, int] = SIZE) -> list[Path]:
    """Write `n` documents into `out_dir` (created if needed) and return their paths.

    `size` is the (low, high) range of document sizes in bytes; the default is 10-30 KB.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in iter_documents(n, seed, size):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path, help="folder to write the .txt documents into")
    ap.add_argument("--n", type=int, default=100, help="number of documents (default 100)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--kb", type=float, nargs=2, metavar=("LOW", "HIGH"), default=(10, 30),
                    help="range of document sizes in KB (default 10 30)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("--n must be 0 or more")
    if not 1 <= args.kb[0] <= args.kb[1]:
        ap.error("--kb needs 1 <= LOW <= HIGH")
    start = time.perf_counter()
    paths = generate(args.n, args.seed, args.out_dir, (int(args.kb[0] * 1000), int(args.kb[1] * 1000)))
    took = time.perf_counter() - start
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB, in {args.out_dir} ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
