# narrative.pat — the contract's narrative keys, read from 第三部分 (情况说明).
# Format: key<TAB>kind<TAB>PCRE2 pattern. Named groups: v = the figure,
# u = its unit (万元 when absent), neg = a falling direction (value negated);
# kind "change" also reads p / pneg into KEY_pct. kind: amount | count | change.
# Rules are tried in order; the first rule of a key that matches sets it (a
# stated zero settles the key without writing it). The text is NFKC-folded:
# （）→(), ：→:, ，→",", ％→%; curly quotes “” stay.
# Only the groups are read, so a rule begins with what it needs, not with
# optional text (三公, not [“"]?三公): the search then jumps from one 三公 to
# the next instead of stopping at every character a match might begin
# with. A leading figure is [0-9]: under UCP \d asks the Unicode tables.
#
# yoy: the first change against last year in 第三部分 一.
yoy.total_change	change	(?:比|较|与)[^。;]{0,40}?(?:(?<neg>减少|下降|少)|增加|增长|多)\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)[,，、]?\s*+(?:同比)?(?:(?<pneg>下降|降幅|减少|减幅)|增长|增幅|上升|增加)\s*+(?<p>\d+(?:\.\d+)?)\s*+%
#
# “三公”经费: budget and actual totals.
three_public.budget_total	amount	三公[”"]?经费(?:财政拨款)?支出(?:年初)?预算(?:数)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.budget_total	amount	三公[”"]?经费[^。;]{0,30}?(?:比|较)(?:年初)?预算(?:数)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.budget_total	amount	三公[”"]?经费[^。;]{0,20}?(?:年初)?预算(?:数)?(?:为|是)\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.actual_total	amount	三公[”"]?经费(?:财政拨款)?支出(?:年初)?预算(?:数)?(?:为|是)?\s*+[\d,.]+\s*+(?:万元|元)[,，]\s*+(?:支出)?决算(?:数)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.actual_total	amount	三公[”"]?经费(?:财政拨款)?(?:支出)?(?:决算数?|支出)(?:为|是|合计)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
#
# The three items (决算): the 预算…决算 form first, then 决算, then a bare figure.
three_public.outbound	amount	因公出国\(境\)费(?:用)?支出预算(?:数)?为?\s*+[\d,.]+\s*+(?:万元|元)[,，]\s*+(?:支出)?决算(?:数)?为?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.outbound	amount	因公出国\(境\)费(?:用)?(?:支出)?(?:决算(?:数)?)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.reception	amount	公务接待费(?:用)?支出预算(?:数)?为?\s*+[\d,.]+\s*+(?:万元|元)[,，]\s*+(?:支出)?决算(?:数)?为?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.reception	amount	公务接待费(?:用)?(?:支出)?(?:决算(?:数)?)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.vehicle	amount	公务用车购置(?:费)?及运行(?:维护)?费(?:用)?支出预算(?:数)?为?\s*+[\d,.]+\s*+(?:万元|元)[,，]\s*+(?:支出)?决算(?:数)?为?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.vehicle	amount	公务用车购置(?:费)?及运行(?:维护)?费(?:用)?(?:支出)?(?:决算(?:数)?)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.vehicle_purchase	amount	公务用车购置(?:费|支出)(?:支出)?(?:决算(?:数)?)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
three_public.vehicle_operation	amount	公务用车运行(?:维护)?费(?:支出)?(?:决算(?:数)?)?(?:为|是)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|元)
#
# Counts: reception batches and people, vehicles held.
three_public.reception_batches	count	(?:公务接待|接待来访|来访|接待)(?:团组)?(?:共)?\s*+(?<v>\d+)\s*+(?:批次|批|个团组|个)
three_public.reception_people	count	(?:来宾|接待人数|人数)\s*+(?<v>\d+)\s*+人次?
three_public.reception_people	count	[0-9]+\s*+(?:批次|批|个)[,，、]\s*+(?:共)?(?:计)?(?<v>\d+)\s*+人次?
three_public.vehicles_held	count	公务用车保有量(?:为|是)?\s*+(?<v>\d+)\s*+(?:辆|台)
#
# 机关运行经费, 政府采购, 年初预算.
operating_costs	amount	机关运行经费(?:支出)?(?:为|共计|合计)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
procurement.total	amount	政府采购支出总额(?:为|共计)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
procurement.goods	amount	政府采购货物支出(?:为)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
procurement.works	amount	政府采购工程支出(?:为)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
procurement.services	amount	政府采购服务支出(?:为)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
procurement.sme	amount	授予中小企业合同(?:金额|总额)(?:为)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
budget_initial	amount	(?<!经费)财政拨款支出年初预算(?:数)?(?:为|是)\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
budget_initial	amount	财政拨款支出决算数?\s*+[\d,.]+\s*+(?:万元|元)[,，]\s*+(?:比|较)年初预算(?:数)?\s*+(?<v>\d[\d,]*(?:\.\d+)?)\s*+(?<u>万元|亿元|元)
