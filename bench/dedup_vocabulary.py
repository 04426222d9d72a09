"""Words for the synthetic evaluation set: Vietnamese science-and-technology phrases.

Written for this benchmark; sentences are assembled from these parts at random so two articles on
the same subject share phrases the way real government news does.
"""

SUBJECTS = [
    "Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ",
    "các viện nghiên cứu", "doanh nghiệp công nghệ số", "các trường đại học",
    "cơ quan báo chí", "Trung tâm đổi mới sáng tạo quốc gia", "Hội đồng khoa học",
    "đội ngũ cán bộ truyền thông", "các hợp tác xã nông nghiệp", "Đoàn thanh niên",
    "Ban chỉ đạo chuyển đổi số", "các sở, ban, ngành", "nhà khoa học trẻ",
]
VERBS = [
    "triển khai", "đẩy mạnh", "tổ chức", "hoàn thiện", "phối hợp xây dựng", "đánh giá",
    "hỗ trợ", "ứng dụng", "thúc đẩy", "phổ biến", "số hóa", "chuyển giao", "khởi động",
    "tuyên truyền về", "đầu tư cho",
]
OBJECTS = [
    "kho tài nguyên truyền thông số", "nền tảng dữ liệu dùng chung", "trí tuệ nhân tạo",
    "hạ tầng điện toán đám mây", "phong trào Bình dân học vụ số", "hệ sinh thái khởi nghiệp",
    "chính quyền số", "dịch vụ công trực tuyến", "an toàn thông tin mạng",
    "sở hữu trí tuệ", "công nghệ chiến lược", "kinh tế số", "nhiệm vụ khoa học và công nghệ",
    "cơ sở dữ liệu quốc gia", "chuyên mục về Nghị quyết 57", "sản phẩm infographic",
    "video hướng dẫn kỹ năng số", "mạng 5G", "thiết bị bán dẫn", "nông nghiệp thông minh",
]
PURPOSES = [
    "nhằm nâng cao nhận thức của người dân", "để rút ngắn thời gian xử lý hồ sơ",
    "góp phần tăng trưởng kinh tế địa phương", "theo kế hoạch đã được phê duyệt",
    "với sự tham gia của nhiều chuyên gia", "trong giai đoạn 2025 đến 2030",
    "bảo đảm đồng bộ và thống nhất dữ liệu", "tránh trùng lặp thông tin",
    "phục vụ học sinh, sinh viên và giáo viên", "hướng tới người Việt Nam ở nước ngoài",
    "gắn với Ngày Khoa học và Công nghệ Việt Nam 18 tháng 5",
    "nhân Ngày Chuyển đổi số quốc gia 10 tháng 10",
]
PLACES = [
    "Hà Nội", "Đồng Nai", "Đà Nẵng", "Cần Thơ", "Huế", "Lào Cai", "Nghệ An", "Quảng Ninh",
    "Thành phố Hồ Chí Minh", "Hải Phòng", "Đắk Lắk", "Bình Định",
]
RESULTS = [
    "đã có {n} đơn vị tham gia", "tỷ lệ hoàn thành đạt {n} phần trăm",
    "thu hút hơn {n} nghìn lượt truy cập", "tiết kiệm khoảng {n} tỷ đồng",
    "đào tạo {n} cán bộ về truyền thông số", "công bố {n} kết quả nghiên cứu",
]
TITLES = [
    "Chuyển đổi số toàn diện", "Đổi mới sáng tạo", "Khoa học vì cộng đồng", "Kinh tế số 2030",
    "Dữ liệu mở", "Trí tuệ nhân tạo", "Bình dân học vụ số", "Công nghệ chiến lược",
    "Hạ tầng số", "Khởi nghiệp sáng tạo",
]
STAT_LABELS = [
    "Đơn vị tham gia", "Hồ sơ trực tuyến", "Cán bộ được đào tạo", "Đề tài nghiệm thu",
    "Doanh nghiệp số", "Lượt truy cập", "Sáng chế", "Dữ liệu số hóa",
]
