"""The areas (领域) a catalogue item belongs to.

Sources: 国务院办公厅《关于全面推进基层政务公开标准化规范化工作的指导意见》(国办发〔2019〕54号),
which has the State Council departments publish catalogue guidelines for 26 areas, and the
26 area guidelines (基层政务公开标准指引) issued by those departments in 2019; plus the items of
政府信息公开条例 Art. 20 every body publishes (机构职能, 负责人, 公开指南, 年报) and the village
items of 村民委员会组织法 Art. 30.
"""

BASIC = "政务公开基本信息"
VILLAGE = "村务公开"

AREAS = [
    BASIC,
    "重大建设项目",
    "公共资源交易",
    "税收管理",
    "征地补偿",
    "国有土地上房屋征收与补偿",
    "重大行政决策",
    "财政预决算",
    "安全生产",
    "城乡规划",
    "生态环境",
    "保障性住房",
    "公共文化服务",
    "公共法律服务",
    "户籍管理",
    "社会救助",
    "社会保险",
    "就业",
    "医疗卫生",
    "养老服务",
    "义务教育",
    "涉农补贴",
    "农村危房改造",
    "扶贫",
    "救灾",
    "市场监管",
    "城市综合执法",
    VILLAGE,
]
AREA_CHOICES = [(name, name) for name in AREAS]

COUNTY = "county"
TOWNSHIP = "township"
VILLAGE_LEVEL = "village"
LEVEL_CHOICES = [(COUNTY, "县级"), (TOWNSHIP, "乡级"), (VILLAGE_LEVEL, "村级")]
LEVEL_BY_LABEL = {label: value for value, label in LEVEL_CHOICES}
