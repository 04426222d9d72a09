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
    # slug, Vietnamese, English, first date, yearly, description
    ("ngay-khcn", "Ngày Khoa học và Công nghệ Việt Nam (18/5)",
     "Vietnam Science and Technology Day (18 May)", dt.date(2026, 5, 18), True,
     "Dịp tôn vinh đội ngũ trí thức, nhà khoa học và giới thiệu các nhiệm vụ khoa học và công nghệ "
     "đã hoàn thành tới công chúng."),
    ("ngay-dmst", "Ngày hội Đổi mới sáng tạo quốc gia (1/10)", "National Innovation Day (1 October)",
     dt.date(2026, 10, 1), True,
     "Ngày hội của doanh nghiệp khởi nghiệp, viện nghiên cứu và trường đại học: sản phẩm mới, mô "
     "hình hay và câu chuyện đổi mới sáng tạo."),
    ("ngay-cds", "Ngày Chuyển đổi số quốc gia (10/10)",
     "National Digital Transformation Day (10 October)", dt.date(2026, 10, 10), True,
     "Các bộ, ngành và địa phương cùng giới thiệu dịch vụ công trực tuyến, dữ liệu số và kỹ năng "
     "số cho người dân."),
    ("binh-dan-hoc-vu-so", "Phong trào Bình dân học vụ số", "Digital literacy for all movement",
     None, False,
     "Phong trào phổ cập kỹ năng số cơ bản cho mọi người dân, từ cách dùng dịch vụ công trực tuyến "
     "đến an toàn trên mạng."),
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

SECTION_INTROS = {
    "bo-khcn": "Chuyên trang của Bộ Khoa học và Công nghệ về truyền thông Nghị quyết 57: số liệu, "
    "infographic và video về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, dùng chung "
    "cho các bộ, ngành, địa phương và cơ quan báo chí.",
    "ubnd-dong-nai": "Chuyên trang của tỉnh Đồng Nai về Nghị quyết 57 và kế hoạch truyền thông "
    "của tỉnh.",
    "so-khcn-dong-nai": "Sở Khoa học và Công nghệ Đồng Nai là đầu mối tổng hợp kết quả truyền "
    "thông của các sở, ngành và ủy ban nhân dân cấp xã trong tỉnh.",
    "bao-khpt": "Tin bài, video và podcast về khoa học và công nghệ của Báo Khoa học và Phát triển.",
    "dh-cong-nghe": "Bài giảng, câu lạc bộ STEM và kết quả nghiên cứu của Trường Đại học Công nghệ.",
    "vien-cds": "Nghiên cứu, podcast và sổ tay về chuyển đổi số của Viện Nghiên cứu Chuyển đổi số.",
}

# Media made on the spot (cms/demo/media.py). Each row: key, asset model, agency, how it is
# made, kind, Vietnamese title, English title, Vietnamese and English descriptions, alt texts
# (pictures), topics, audiences, campaign, licence, creator.
ASSETS = [
    dict(key="targets", model="image", agency="bo-khcn", make="infographic:targets",
         kind="infographic",
         title="Infographic: mục tiêu truyền thông đến năm 2030",
         title_en="Infographic: communication targets for 2030",
         description="Ba chỉ tiêu của chương trình truyền thông đến năm 2030: mọi nhiệm vụ khoa học và công nghệ dùng ngân sách nhà nước (trừ nội dung bí mật nhà nước) được truyền thông rộng rãi, ít nhất 80% người dân được tiếp cận qua kênh thông tin cơ sở, ít nhất 70% người làm truyền thông được đào tạo truyền thông số.",
         description_en="The programme's three targets for 2030: every state-funded science and technology task (state secrets aside) communicated widely, at least 80% of citizens reached through grassroots channels, at least 70% of communication staff trained in digital communication.",
         alt="Biểu đồ ba cột: 100% nhiệm vụ khoa học và công nghệ được truyền thông, 80% người dân được tiếp cận thông tin, 70% cán bộ truyền thông được đào tạo truyền thông số.",
         alt_en="Bar chart: 100% of science and technology tasks communicated, 80% of citizens reached, 70% of communication staff trained.",
         topics=["khcn", "cds"], audiences=["can-bo-cong-chuc", "nguoi-dan"], campaign="ngay-khcn",
         licence="CC-BY-4.0", creator="Ban biên tập", credit="Bộ Khoa học và Công nghệ"),
    dict(key="steps", model="image", agency="so-khcn-dong-nai", make="infographic:steps",
         kind="infographic",
         title="Infographic: năm bước chuyển đổi số cho hộ kinh doanh",
         title_en="Infographic: five steps of digital transformation for household businesses",
         description="Từ tài khoản định danh điện tử, thanh toán không dùng tiền mặt đến hóa đơn điện tử và bán hàng trực tuyến: năm bước đơn giản để hộ kinh doanh bắt đầu chuyển đổi số.",
         description_en="From an electronic identity account and cashless payment to e-invoices and online sales: five simple steps for a household business to start its digital transformation.",
         alt="Năm bước: tạo tài khoản định danh điện tử, nhận thanh toán không tiền mặt, dùng hóa đơn điện tử, bán hàng trực tuyến, bảo vệ tài khoản.",
         alt_en="Five steps: create an electronic identity account, accept cashless payment, use e-invoices, sell online, protect your accounts.",
         topics=["cds", "binh-dan-hoc-vu-so"], audiences=["doanh-nghiep", "nguoi-dan"],
         campaign="ngay-cds", licence="CC-BY-4.0", creator="Phòng Thông tin", credit="Sở KH&CN Đồng Nai"),
    dict(key="calendar", model="image", agency="bo-khcn", make="infographic:calendar",
         kind="infographic",
         title="Infographic: lịch báo cáo kết quả truyền thông",
         title_en="Infographic: when communication results are reported",
         description="Cơ quan báo chí chủ lực báo cáo hằng tháng trước ngày 20; bộ, ngành và địa phương báo cáo hai lần mỗi năm, trước ngày 20 tháng 6 và ngày 20 tháng 12.",
         description_en="Main press agencies report every month by the 20th; ministries and provinces twice a year, before 20 June and 20 December.",
         alt="Lịch báo cáo: hằng tháng trước ngày 20 với cơ quan báo chí; trước 20/6 và 20/12 với bộ, ngành, địa phương.",
         alt_en="Reporting calendar: monthly by the 20th for press agencies; before 20 June and 20 December for ministries and provinces.",
         topics=["khcn"], audiences=["can-bo-cong-chuc"], campaign=None,
         licence="CC-BY-ND-4.0", creator="Ban biên tập", credit="Bộ Khoa học và Công nghệ"),
    dict(key="lab", model="image", agency="dh-cong-nghe", make="photo:1", kind="photo",
         title="Ảnh: phòng thí nghiệm vi mạch của sinh viên",
         title_en="Photo: the students' microchip laboratory",
         description="Sinh viên năm cuối thực hành thiết kế vi mạch trong phòng thí nghiệm mở của trường.",
         description_en="Final-year students practise chip design in the university's open laboratory.",
         alt="Phòng thí nghiệm với dãy bàn máy tính dưới ánh đèn xanh.",
         alt_en="A laboratory with rows of computer desks under blue light.",
         topics=["khcn", "stem"], audiences=["hoc-sinh-sinh-vien"], campaign="ngay-khcn",
         licence="CC-BY-4.0", creator="Trung tâm Truyền thông", credit="Trường Đại học Công nghệ"),
    dict(key="landscape", model="image", agency="so-khcn-dong-nai", make="photo:3", kind="photo",
         title="Ảnh: vùng trồng cây ăn trái ứng dụng cảm biến ở Đồng Nai",
         title_en="Photo: sensor-equipped orchards in Dong Nai",
         description="Đồi cây ăn trái nơi các hợp tác xã thử nghiệm cảm biến độ ẩm đất và tưới tự động.",
         description_en="Orchard hills where cooperatives trial soil moisture sensors and automatic irrigation.",
         alt="Đồi cây xanh nhiều tầng dưới bầu trời chiều.",
         alt_en="Layered green hills under an evening sky.",
         topics=["dmst", "cds"], audiences=["doanh-nghiep", "nguoi-dan"], campaign="ngay-dmst",
         licence="CC-BY-4.0", creator="Phòng Thông tin", credit="Sở KH&CN Đồng Nai"),
    dict(key="fair", model="image", agency="bao-khpt", make="photo:6", kind="photo",
         title="Ảnh: gian trưng bày của doanh nghiệp khởi nghiệp",
         title_en="Photo: a start-up's stand at the innovation fair",
         description="Một gian trưng bày tại ngày hội đổi mới sáng tạo, nơi doanh nghiệp trẻ giới thiệu sản phẩm.",
         description_en="A stand at the innovation fair, where young companies show their products.",
         alt="Khung cảnh đồi và trời chiều dùng làm phông nền gian trưng bày.",
         alt_en="Hills and an evening sky used as the stand's backdrop.",
         topics=["dmst", "khoi-nghiep"], audiences=["doanh-nghiep"], campaign="ngay-dmst",
         licence="CC-BY-NC-4.0", creator="Phóng viên ảnh", credit="Báo Khoa học và Phát triển"),
    dict(key="intro-video", model="media", agency="bao-khpt", make="video:Kho tài nguyên truyền thông số",
         kind="clip",
         title="Video: giới thiệu kho tài nguyên truyền thông số",
         title_en="Video: introducing the digital communication resource library",
         description="Một phút về kho tài nguyên dùng chung: cơ quan đăng một lần, nơi khác dùng lại kèm dòng ghi nguồn.",
         description_en="One minute on the shared library: an agency publishes once, others reuse with the credit line.",
         topics=["cds"], audiences=["can-bo-cong-chuc"], campaign="ngay-cds",
         licence="CC-BY-4.0", creator="Báo Khoa học và Phát triển", credit="",
         captions="WEBVTT\n\n00:00.000 --> 00:04.000\nKho tài nguyên truyền thông số: đăng một lần.\n\n"
                  "00:04.000 --> 00:08.000\nCác cơ quan khác dùng lại, kèm dòng ghi nguồn.\n",
         captions_en="WEBVTT\n\n00:00.000 --> 00:04.000\nThe resource library: publish once.\n\n"
                     "00:04.000 --> 00:08.000\nOther agencies reuse it, with the credit line.\n"),
    dict(key="innovation-video", model="media", agency="vien-cds", make="video:Ngày hội Đổi mới sáng tạo",
         kind="motion",
         title="Đồ họa chuyển động: đổi mới sáng tạo trong 60 giây",
         title_en="Motion graphic: innovation in sixty seconds",
         description="Đồ họa chuyển động ngắn giải thích chu trình từ ý tưởng, thử nghiệm đến sản phẩm.",
         description_en="A short motion graphic explaining the path from idea to trial to product.",
         topics=["dmst"], audiences=["thanh-thieu-nien", "hoc-sinh-sinh-vien"], campaign="ngay-dmst",
         licence="CC-BY-4.0", creator="Viện Nghiên cứu Chuyển đổi số", credit=""),
    dict(key="podcast", model="media", agency="vien-cds", make="audio:1", kind="podcast",
         title="Podcast: chuyển đổi số cho mọi người",
         title_en="Podcast: digital transformation for everyone",
         description="Số đầu tiên: vì sao kỹ năng số cơ bản quan trọng với mỗi gia đình, và bắt đầu từ đâu.",
         description_en="First episode: why basic digital skills matter to every family, and where to begin.",
         topics=["cds", "binh-dan-hoc-vu-so"], audiences=["nguoi-dan"], campaign="binh-dan-hoc-vu-so",
         licence="CC-BY-NC-4.0", creator="Viện Nghiên cứu Chuyển đổi số", credit=""),
    dict(key="podcast-ai", model="media", agency="dh-cong-nghe", make="audio:2", kind="podcast",
         title="Podcast: trí tuệ nhân tạo trong lớp học",
         title_en="Podcast: artificial intelligence in the classroom",
         description="Giảng viên và sinh viên trò chuyện về cách dùng công cụ trí tuệ nhân tạo có trách nhiệm.",
         description_en="Lecturers and students talk about using artificial intelligence tools responsibly.",
         topics=["tri-tue-nhan-tao", "stem"], audiences=["giao-vien", "hoc-sinh-sinh-vien"],
         campaign=None, licence="CC-BY-4.0", creator="Câu lạc bộ STEM", credit=""),
    dict(key="handbook", model="document", agency="vien-cds", make="handbook:skills", kind="ehandbook",
         title="Sổ tay điện tử: kỹ năng số cơ bản cho người dân",
         title_en="E-handbook: basic digital skills for citizens",
         description="Sổ tay ngắn về dịch vụ công trực tuyến, thanh toán điện tử và an toàn thông tin cá nhân.",
         description_en="A short handbook on online public services, electronic payment and personal data safety.",
         topics=["binh-dan-hoc-vu-so", "cds"], audiences=["nguoi-dan"], campaign="binh-dan-hoc-vu-so",
         licence="CC-BY-4.0", creator="Viện Nghiên cứu Chuyển đổi số", credit=""),
    dict(key="guidance", model="document", agency="ubnd-dong-nai", make="handbook:plan", kind="guidance",
         title="Hướng dẫn: xây dựng kế hoạch truyền thông cấp xã",
         title_en="Guidance: a communication plan for a commune",
         description="Các bước xây dựng kế hoạch truyền thông về khoa học, công nghệ và chuyển đổi số cho ủy ban nhân dân cấp xã.",
         description_en="How a commune committee builds its plan for communicating science, technology and digital transformation.",
         topics=["cds"], audiences=["can-bo-cong-chuc"], campaign=None,
         licence="BAN-QUYEN-CO-QUAN", creator="Văn phòng UBND tỉnh", credit=""),
]

# What the generated infographics say: title, then (big figure or step, line of text) blocks.
INFOGRAPHICS = {
    "targets": ("Mục tiêu truyền thông đến năm 2030", [
        ("100%", "nhiệm vụ khoa học và công nghệ dùng ngân sách nhà nước được truyền thông rộng rãi"),
        ("80%", "người dân được tiếp cận thông tin qua hệ thống thông tin cơ sở"),
        ("70%", "người làm truyền thông được đào tạo kỹ năng truyền thông số"),
        ("2026", "đánh giá định kỳ theo bộ tiêu chí, công bố kết quả hằng năm"),
    ]),
    "steps": ("5 bước chuyển đổi số cho hộ kinh doanh", [
        ("1", "Tạo tài khoản định danh điện tử cho chủ hộ"),
        ("2", "Nhận thanh toán không dùng tiền mặt bằng mã QR"),
        ("3", "Dùng hóa đơn điện tử thay cho hóa đơn giấy"),
        ("4", "Mở gian hàng trên sàn thương mại điện tử"),
        ("5", "Bảo vệ tài khoản: mật khẩu mạnh, không chia sẻ mã OTP"),
    ]),
    "calendar": ("Lịch báo cáo kết quả truyền thông", [
        ("20", "hằng tháng: cơ quan báo chí chủ lực báo cáo Bộ Khoa học và Công nghệ"),
        ("20/6", "bộ, ngành, địa phương gửi báo cáo sáu tháng đầu năm"),
        ("20/12", "bộ, ngành, địa phương gửi báo cáo cả năm"),
        ("15/6", "các sở ở Đồng Nai báo cáo Sở Khoa học và Công nghệ (và 15/12)"),
    ]),
}

# The generated PDF handbooks: title, then pages of (heading, lines).
HANDBOOKS = {
    "skills": ("Kỹ năng số cơ bản cho người dân", [
        ("1. Dịch vụ công trực tuyến", ["Đăng nhập bằng tài khoản định danh điện tử.",
                                        "Chọn thủ tục, điền tờ khai, theo dõi hồ sơ."]),
        ("2. Thanh toán điện tử", ["Chỉ quét mã QR của người bán mình biết.",
                                   "Kiểm tra tên người nhận trước khi xác nhận."]),
        ("3. An toàn thông tin", ["Không chia sẻ mã OTP với bất kỳ ai.",
                                  "Cảnh giác với tin nhắn giả danh cơ quan nhà nước."]),
    ]),
    "plan": ("Kế hoạch truyền thông cấp xã", [
        ("1. Đối tượng", ["Người dân, hộ kinh doanh, học sinh, người cao tuổi."]),
        ("2. Kênh truyền thông", ["Loa truyền thanh cơ sở, trang thông tin xã, nhóm cộng đồng."]),
        ("3. Báo cáo", ["Gửi kết quả về Sở Khoa học và Công nghệ trước 15/6 và 15/12."]),
    ]),
}

# Articles: agency code, title, English title, summary, English summary, paragraphs, topics,
# audiences, campaign, legal documents, lead image (an ASSETS key), media to embed.
ARTICLES = [
    (
        "bo-khcn",
        "Truyền thông về khoa học, công nghệ và chuyển đổi số đến năm 2030",
        "Communicating science, technology and digital transformation to 2030",
        "Chương trình truyền thông được Thủ tướng phê duyệt giữa năm 2025 coi truyền thông là việc "
        "của cả hệ thống chính trị và đặt ra các chỉ tiêu rõ ràng cho từng giai đoạn.",
        "The communication programme approved in mid-2025 makes communication the task of the "
        "whole political system and sets clear targets for each stage.",
        [
            "Giữa tháng 6 năm 2025, Thủ tướng Chính phủ phê duyệt chương trình đẩy mạnh truyền thông "
            "để thực hiện Nghị quyết 57 về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
            "Chương trình yêu cầu mỗi bộ, ngành và địa phương có kế hoạch riêng ngay trong năm 2025 "
            "và duy trì một chuyên mục về Nghị quyết trên cổng thông tin điện tử của mình.",
            "Đến năm 2030, mọi nhiệm vụ khoa học và công nghệ dùng ngân sách nhà nước, trừ nội dung "
            "thuộc bí mật nhà nước, cần được giới thiệu rộng rãi tới công chúng; ít nhất bảy phần mười "
            "người làm truyền thông được đào tạo kỹ năng truyền thông số.",
        ],
        ["khcn", "cds"], ["can-bo-cong-chuc", "nguoi-dan"], "ngay-khcn", ["57-NQ/TW", "1169/QĐ-TTg"],
        "targets", None,
    ),
    (
        "so-khcn-dong-nai",
        "Đồng Nai lên kế hoạch lan tỏa Nghị quyết 57 tới từng xã, phường",
        "Dong Nai plans to bring Resolution 57 to every commune and ward",
        "Tỉnh giao Sở Khoa học và Công nghệ làm đầu mối, báo cáo kết quả hai lần mỗi năm.",
        "The province makes its Department of Science and Technology the focal point, reporting "
        "twice a year.",
        [
            "Kế hoạch của tỉnh Đồng Nai, ban hành tháng 8 năm 2025, giao các sở, ngành và ủy ban nhân "
            "dân cấp xã cùng tham gia truyền thông về khoa học, công nghệ và chuyển đổi số.",
            "Các đơn vị gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 15 tháng 6 và ngày 15 tháng "
            "12 hằng năm để tổng hợp.",
            "Tỉnh chú trọng các ngày lễ như Ngày Khoa học và Công nghệ Việt Nam 18/5 và Ngày Chuyển đổi "
            "số quốc gia 10/10, cùng phong trào Bình dân học vụ số.",
        ],
        ["cds", "binh-dan-hoc-vu-so"], ["nguoi-dan", "can-bo-cong-chuc"], "ngay-cds",
        ["45/KH-UBND", "1169/QĐ-TTg"], "landscape", None,
    ),
    (
        "bao-khpt",
        "Infographic, video và podcast: những hình thức truyền thông khoa học được khuyến khích",
        "Infographics, videos and podcasts: the forms of science communication the programme "
        "encourages",
        "Chương trình nêu cụ thể nhiều loại sản phẩm, từ tin bài, ảnh đến sổ tay điện tử.",
        "",
        [
            "Bên cạnh tin bài và phóng sự, các cơ quan được khuyến khích làm infographic, đồ họa "
            "chuyển động, video ngắn theo xu hướng, tọa đàm và podcast về đổi mới sáng tạo.",
            "Sổ tay điện tử, bài giảng video và tài liệu nước ngoài được biên dịch giúp đưa kiến thức "
            "tới học sinh, sinh viên, giáo viên và doanh nghiệp.",
            "Thông tin đối ngoại bằng tiếng nước ngoài hướng tới kiều bào và đối tác quốc tế.",
        ],
        ["dmst", "khcn"], ["hoc-sinh-sinh-vien", "doanh-nghiep"], "ngay-dmst", ["1169/QĐ-TTg"],
        "fair", "intro-video",
    ),
    (
        "dh-cong-nghe",
        "Sinh viên làm quen trí tuệ nhân tạo qua câu lạc bộ STEM",
        "Students meet artificial intelligence in the STEM club",
        "Một câu lạc bộ của trường giúp học sinh, sinh viên thử nghiệm các ứng dụng AI an toàn.",
        "A university club lets pupils and students try artificial intelligence tools safely.",
        [
            "Câu lạc bộ STEM của trường tổ chức buổi sinh hoạt hằng tháng, mỗi buổi giới thiệu một ứng "
            "dụng trí tuệ nhân tạo và cách dùng nó có trách nhiệm.",
            "Các bài giảng được ghi hình và chia sẻ lên kho tài nguyên để các trường khác dùng lại, thay "
            "vì mỗi nơi tự quay một bản riêng.",
        ],
        ["stem", "tri-tue-nhan-tao"], ["hoc-sinh-sinh-vien", "giao-vien"], "ngay-khcn", ["57-NQ/TW"],
        "lab", "podcast-ai",
    ),
    (
        "vien-cds",
        "Bình dân học vụ số: bắt đầu từ những kỹ năng nhỏ nhất",
        "Digital literacy for all: starting with the smallest skills",
        "Viện đưa sổ tay kỹ năng số cơ bản và loạt podcast ngắn lên kho để các xã, phường dùng lại.",
        "The institute puts a basic digital skills handbook and a short podcast series in the "
        "library for communes and wards to reuse.",
        [
            "Phong trào Bình dân học vụ số hướng tới mọi người dân, trước hết là người cao tuổi, hộ "
            "kinh doanh nhỏ và người ở vùng sâu, vùng xa.",
            "Sổ tay hướng dẫn từng bước: đăng nhập dịch vụ công trực tuyến, thanh toán điện tử an "
            "toàn và nhận biết tin nhắn lừa đảo.",
            "Mỗi số podcast dài chưa tới mười phút, có thể phát trên loa truyền thanh cơ sở.",
        ],
        ["binh-dan-hoc-vu-so", "cds"], ["nguoi-dan"], "binh-dan-hoc-vu-so", ["57-NQ/TW"],
        "steps", "podcast",
    ),
    (
        "bo-khcn",
        "Ngày Khoa học và Công nghệ Việt Nam: kể câu chuyện của từng nhiệm vụ nghiên cứu",
        "",
        "Dịp 18/5, các viện và trường được mời giới thiệu kết quả nghiên cứu bằng ngôn ngữ gần gũi "
        "với công chúng.",
        "",
        [
            "Mỗi nhiệm vụ khoa học và công nghệ dùng ngân sách nhà nước nên có ít nhất một sản phẩm "
            "truyền thông dễ hiểu: một infographic, một đoạn video ngắn hoặc một bài viết.",
            "Kho tài nguyên giúp các cơ quan báo chí tìm và dùng lại sản phẩm đó kèm dòng ghi nguồn, "
            "thay vì làm lại từ đầu.",
        ],
        ["khcn"], ["nha-khoa-hoc", "nguoi-dan"], "ngay-khcn", ["57-NQ/TW"], "calendar", None,
    ),
]
# fmt: on
