# ruff: noqa: E501  (prose: long Vietnamese sentences read better unbroken)
"""Demo content, written for this project from the facts of the programme (not copied text)."""

import datetime as dt

# The tables keep their hand-made layout: a row reads as a record.
# fmt: off
AGENCIES = [
    # code, name, English name, kind, parent code, portal
    ("bo-khcn", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "ministry", None,
     "https://mst.gov.vn"),
    ("ubnd-dong-nai", "Ủy ban nhân dân tỉnh Đồng Nai", "Dong Nai Provincial People's Committee",
     "province", None, "https://dongnai.gov.vn"),
    ("so-khcn-dong-nai", "Sở Khoa học và Công nghệ Đồng Nai",
     "Dong Nai Department of Science and Technology", "department", "ubnd-dong-nai", ""),
    ("bao-khpt", "Báo Khoa học và Phát triển", "Science and Development Newspaper", "press",
     "bo-khcn", ""),
    ("dh-cong-nghe", "Trường Đại học Công nghệ", "University of Engineering and Technology",
     "university", None, ""),
    ("vien-cds", "Viện Nghiên cứu Chuyển đổi số", "Digital Transformation Research Institute",
     "research", None, ""),
]

TOPICS = [
    # slug, Vietnamese, English, parent slug
    ("khcn", "Khoa học và công nghệ", "Science and technology", None),
    ("dmst", "Đổi mới sáng tạo", "Innovation", None),
    ("cds", "Chuyển đổi số", "Digital transformation", None),
    ("stem", "Giáo dục STEM", "STEM education", "khcn"),
    ("tri-tue-nhan-tao", "Trí tuệ nhân tạo", "Artificial intelligence", "cds"),
    ("binh-dan-hoc-vu-so", "Bình dân học vụ số", "Digital literacy for all", "cds"),
    ("khoi-nghiep", "Khởi nghiệp sáng tạo", "Start-ups", "dmst"),
]

AUDIENCES = [
    ("tre-em", "Trẻ em", "Children"),
    ("thanh-thieu-nien", "Thanh thiếu niên", "Teenagers"),
    ("hoc-sinh-sinh-vien", "Học sinh, sinh viên", "Pupils and students"),
    ("giao-vien", "Giáo viên", "Teachers"),
    ("can-bo-cong-chuc", "Cán bộ, công chức, viên chức", "Civil servants"),
    ("doanh-nghiep", "Doanh nghiệp", "Enterprises"),
    ("nha-khoa-hoc", "Nhà khoa học, viện nghiên cứu", "Scientists and research institutes"),
    ("nguoi-dan", "Người dân", "Citizens"),
    ("kieu-bao", "Người Việt Nam ở nước ngoài", "Vietnamese abroad"),
    ("doi-tac-quoc-te", "Đối tác quốc tế", "International partners"),
]

CAMPAIGNS = [
    ("ngay-khcn", "Ngày Khoa học và Công nghệ Việt Nam (18/5)",
     "Vietnam Science and Technology Day (18 May)", dt.date(2026, 5, 18), True),
    ("ngay-dmst", "Ngày hội Đổi mới sáng tạo quốc gia (1/10)", "National Innovation Day (1 October)",
     dt.date(2026, 10, 1), True),
    ("ngay-cds", "Ngày Chuyển đổi số quốc gia (10/10)",
     "National Digital Transformation Day (10 October)", dt.date(2026, 10, 10), True),
    ("binh-dan-hoc-vu-so", "Phong trào Bình dân học vụ số", "Digital literacy for all movement",
     None, False),
]

LICENCES = [
    # code, Vietnamese, English, URL, commercial, derivatives, credit template
    ("CC-BY-4.0", "Ghi công 4.0 Quốc tế", "Attribution 4.0 International",
     "https://creativecommons.org/licenses/by/4.0/", True, True, "{creator} / {agency} ({licence})"),
    ("CC-BY-NC-4.0", "Ghi công – Phi thương mại 4.0", "Attribution-NonCommercial 4.0",
     "https://creativecommons.org/licenses/by-nc/4.0/", False, True,
     "{creator} / {agency} ({licence})"),
    ("CC-BY-ND-4.0", "Ghi công – Không phái sinh 4.0", "Attribution-NoDerivatives 4.0",
     "https://creativecommons.org/licenses/by-nd/4.0/", True, False,
     "{creator} / {agency} ({licence})"),
    ("BAN-QUYEN-CO-QUAN", "Bản quyền thuộc cơ quan, dùng lại khi được đồng ý",
     "All rights reserved by the agency", "", False, False, "© {year} {agency}"),
]

LEGAL_DOCUMENTS = [
    ("57-NQ/TW", "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
     "chuyển đổi số quốc gia", "Resolution on breakthroughs in science, technology, innovation and "
     "national digital transformation", dt.date(2024, 12, 22)),
    ("1169/QĐ-TTg", "Quyết định phê duyệt Chương trình đẩy mạnh truyền thông thực hiện Nghị quyết "
     "57-NQ/TW", "Decision approving the communication programme for Resolution 57-NQ/TW",
     dt.date(2025, 6, 16)),
    ("45/KH-UBND", "Kế hoạch của tỉnh Đồng Nai triển khai Chương trình truyền thông Nghị quyết 57",
     "Dong Nai province plan implementing the Resolution 57 communication programme",
     dt.date(2025, 8, 12)),
]

# Articles: agency code, title, summary, paragraphs, topic slugs, audience slugs, campaign, legal.
ARTICLES = [
    (
        "bo-khcn",
        "Truyền thông về khoa học, công nghệ và chuyển đổi số đến năm 2030",
        "Chương trình truyền thông được Thủ tướng phê duyệt giữa năm 2025 coi truyền thông là việc "
        "của cả hệ thống chính trị và đặt ra các chỉ tiêu rõ ràng cho từng giai đoạn.",
        [
            "Giữa tháng 6 năm 2025, Thủ tướng Chính phủ phê duyệt chương trình đẩy mạnh truyền thông "
            "để thực hiện Nghị quyết 57 về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
            "Chương trình yêu cầu mỗi bộ, ngành và địa phương có kế hoạch riêng ngay trong năm 2025 "
            "và duy trì một chuyên mục về Nghị quyết trên cổng thông tin điện tử của mình.",
            "Đến năm 2030, mọi nhiệm vụ khoa học và công nghệ dùng ngân sách nhà nước, trừ nội dung "
            "thuộc bí mật nhà nước, cần được giới thiệu rộng rãi tới công chúng; ít nhất bảy phần mười "
            "người làm truyền thông được đào tạo kỹ năng truyền thông số.",
        ],
        ["khcn", "cds"], ["can-bo-cong-chuc", "nguoi-dan"], None, ["57-NQ/TW", "1169/QĐ-TTg"],
    ),
    (
        "so-khcn-dong-nai",
        "Đồng Nai lên kế hoạch lan tỏa Nghị quyết 57 tới từng xã, phường",
        "Tỉnh giao Sở Khoa học và Công nghệ làm đầu mối, báo cáo kết quả hai lần mỗi năm.",
        [
            "Kế hoạch của tỉnh Đồng Nai, ban hành tháng 8 năm 2025, giao các sở, ngành và ủy ban nhân "
            "dân cấp xã cùng tham gia truyền thông về khoa học, công nghệ và chuyển đổi số.",
            "Các đơn vị gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 15 tháng 6 và ngày 15 tháng "
            "12 hằng năm để tổng hợp.",
            "Tỉnh chú trọng các ngày lễ như Ngày Khoa học và Công nghệ Việt Nam 18/5 và Ngày Chuyển đổi "
            "số quốc gia 10/10, cùng phong trào Bình dân học vụ số.",
        ],
        ["cds", "binh-dan-hoc-vu-so"], ["nguoi-dan", "can-bo-cong-chuc"], "ngay-cds",
        ["45/KH-UBND", "1169/QĐ-TTg"],
    ),
    (
        "bao-khpt",
        "Infographic, video và podcast: những hình thức truyền thông khoa học được khuyến khích",
        "Chương trình nêu cụ thể nhiều loại sản phẩm, từ tin bài, ảnh đến sổ tay điện tử.",
        [
            "Bên cạnh tin bài và phóng sự, các cơ quan được khuyến khích làm infographic, đồ họa "
            "chuyển động, video ngắn theo xu hướng, tọa đàm và podcast về đổi mới sáng tạo.",
            "Sổ tay điện tử, bài giảng video và tài liệu nước ngoài được biên dịch giúp đưa kiến thức "
            "tới học sinh, sinh viên, giáo viên và doanh nghiệp.",
            "Thông tin đối ngoại bằng tiếng nước ngoài hướng tới kiều bào và đối tác quốc tế.",
        ],
        ["dmst", "khcn"], ["hoc-sinh-sinh-vien", "doanh-nghiep"], "ngay-dmst", ["1169/QĐ-TTg"],
    ),
    (
        "dh-cong-nghe",
        "Sinh viên làm quen trí tuệ nhân tạo qua câu lạc bộ STEM",
        "Một câu lạc bộ của trường giúp học sinh, sinh viên thử nghiệm các ứng dụng AI an toàn.",
        [
            "Câu lạc bộ STEM của trường tổ chức buổi sinh hoạt hằng tháng, mỗi buổi giới thiệu một ứng "
            "dụng trí tuệ nhân tạo và cách dùng nó có trách nhiệm.",
            "Các bài giảng được ghi hình và chia sẻ lên kho tài nguyên để các trường khác dùng lại, thay "
            "vì mỗi nơi tự quay một bản riêng.",
        ],
        ["stem", "tri-tue-nhan-tao"], ["hoc-sinh-sinh-vien", "giao-vien"], "ngay-khcn", ["57-NQ/TW"],
    ),
]
# fmt: on
