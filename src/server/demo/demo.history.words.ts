/**
 * What staff write while handling the demo's cases: results by major category, and the reasons and notes
 * of the other steps. The residents' own words come from the classifier corpus (`corpus/cases/`), not
 * from here.
 */
import type { Random } from './demo.random.ts';

const RESULTS: Record<string, string[]> = {
  '01': ['已联系环卫清运，现场已清理干净。', '已协调物业和环卫，垃圾当天清运完毕，并提醒居民按时投放。', '网格员现场督促清理，杂物已搬离，已拍照留存。'],
  '02': ['小广告已清除，已向周边商户宣传不得乱贴乱画。', '已通知商户更换破损招牌，隐患已消除。'],
  '03': ['已约谈施工单位，夜间停止施工，围挡和洒水已落实。', '已联系城管到场，施工单位承诺按规定时段作业。'],
  '04': ['已劝离占道摊点，车辆已挪走，通道恢复畅通。', '已与当事住户沟通，噪音问题已改善。', '已联系交警和城管联合整治，现场秩序恢复。'],
  '05': ['已报市政维修，设施已修复，现场已确认。', '已联系产权单位更换，恢复正常使用。', '维修人员已到场处理，管道已疏通。'],
  '06': ['已组织排查，隐患已整改，已拍照留存。', '已联系供电（燃气）部门到场处置，隐患已排除。', '已清理消防通道，并对住户进行安全宣传。'],
  '07': ['已协调物业上门维修，问题已解决。', '已约物业负责人现场处理，并明确后续服务要求。', '已联系供暖（供电）单位，已恢复正常。'],
  '08': ['经网格员和社区调解，双方达成一致，已签调解协议。', '已组织双方当面协商，矛盾已化解，后续持续关注。', '已引导当事人通过法律援助途径解决，并跟进情况。'],
  '09': ['已上门了解情况，材料已收齐并代为办理。', '已协助申请，手续已办结，已告知居民结果。', '已对接民政（社保）窗口，政策已解释清楚，居民表示理解。'],
  '10': ['民警已到场处置，已加强巡逻。', '已对出租房进行登记核查，流动人口信息已更新。', '已开展防诈宣传，当事人已报警并配合调查。'],
  '11': ['已向主管部门反映，已答复居民。', '已联系相关单位，服务已恢复。'],
  '12': ['已组织居民议事会商议，形成处理意见并公示。', '已安排志愿者对接，服务已落实。', '已电话解答政策，居民表示清楚了。'],
  '99': ['已联系相关单位处理，已答复居民。'],
};

const NOTES = ['已联系物业，约定明天上门处理。', '已到现场查看，正在协调相关单位。', '已电话联系反映人，说明处理进度。', '需等待维修材料，预计两天内处理完。', '已向社区报告，正在协调。'];
const ESCALATE = ['涉及多户和产权单位，网格内协调不了，请社区协调。', '需要相关部门执法，网格无法处理。', '反复处理未果，请上级协调。'];
const ESCALATE_STREET = ['需要街道协调城管、住建等部门联合处置。', '涉及多个单位，社区层面难以解决，请街道协调。'];
const TRANSFER_POLICE = ['涉及治安问题，转社区民警处理。', '需要民警上门核查，转警格处理。'];
const RETURN = ['不属于本网格办理范围，请重新派单。', '位置不在本网格，退回社区重新派单。'];
const REJECT = ['属于咨询类事项，已电话答复，不予受理。', '重复提交，已在其他案件中处理。', '不属于社区受理范围，已告知居民拨打12345。'];
const SUSPEND = ['等待产权单位答复维修方案。', '反映人外出，约定回来后再上门处理。', '需等待天气好转后施工。'];
const EXTEND = ['需要协调多家单位，申请延期。', '维修材料需外地采购，申请延期。'];
const VERIFY_FAIL = ['现场查看问题仍存在，请重新处理。', '处理不彻底，请返工。'];
const DISSATISFIED = ['问题没有彻底解决。', '处理太慢了，还是老样子。', '只是临时处理了一下。'];
const SATISFIED = ['处理很及时，谢谢网格员。', '满意，辛苦了。', ''];

const pick = (r: Random, items: string[]) => r.pick(items);

export const words = {
  result: (r: Random, major: string) => pick(r, RESULTS[major] ?? RESULTS['99']!),
  note: (r: Random) => pick(r, NOTES),
  escalate: (r: Random) => pick(r, ESCALATE),
  escalateStreet: (r: Random) => pick(r, ESCALATE_STREET),
  transferPolice: (r: Random) => pick(r, TRANSFER_POLICE),
  returnReason: (r: Random) => pick(r, RETURN),
  reject: (r: Random) => pick(r, REJECT),
  suspend: (r: Random) => pick(r, SUSPEND),
  extend: (r: Random) => pick(r, EXTEND),
  verifyFail: (r: Random) => pick(r, VERIFY_FAIL),
  dissatisfied: (r: Random) => pick(r, DISSATISFIED),
  satisfied: (r: Random) => pick(r, SATISFIED),
};
