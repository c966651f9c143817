import type { CreateChecklist } from '@anlan/contracts';

/**
 * The checklists of the demo, as versioned data. Items and clauses follow the published catalogues
 * named in each list; thresholds marked (verify) in the domain notes stay as text, not logic.
 */
export const constructionSite: CreateChecklist = {
  code: 'construction-site',
  name: '房屋市政工程施工现场安全检查表',
  subjectTypes: ['construction_site'],
  catalogue: '房屋市政工程生产安全重大事故隐患判定标准(2024版)',
  items: [
    { category: '个人防护', text: '作业人员未正确佩戴安全帽', clause: 'JGJ59-2011 第3.13条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '高处作业', text: '高处作业未系挂安全带或临边防护缺失', clause: 'JGJ80-2016 第4.1条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '临时用电', text: '临时用电未采用TN-S系统或未设漏电保护', clause: 'JGJ46-2005 第5.1条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '临时用电', text: '配电箱电缆私拉乱接、破损', clause: 'JGJ46-2005 第8.1条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '文明施工', text: '建筑垃圾未及时清运', clause: 'JGJ146-2013 第3.2条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '脚手架', text: '脚手架连墙件缺失或剪刀撑不连续', clause: 'JGJ130-2011 第6.4条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '机械设备', text: '施工机械未经验收或安全装置失效', clause: 'JGJ33-2012 第2.0.3条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '消防安全', text: '施工现场灭火器配置不足或过期', clause: 'GB50720-2011 第5.2条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '有限空间', text: '有限空间作业未执行"先通风、再检测、后作业"', clause: '工贸企业有限空间作业安全规定 第十四条', major: false, requiresPhotoOnFail: false, requiresNoteOnFail: true },
    { category: '模板支撑', text: '模板支架基础不坚实或立杆间距超出方案', clause: 'JGJ162-2008 第6.1条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '起重机械', text: '建筑起重机械未经验收合格即投入使用', clause: '判定标准 第八条第(一)项', major: true, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '深基坑', text: '基坑土方超挖且未采取有效措施', clause: '判定标准 第六条第(二)项', major: true, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '高大模板', text: '高大模板支撑体系未按专项方案施工', clause: '判定标准 第七条第(一)项', major: true, requiresPhotoOnFail: true, requiresNoteOnFail: true },
  ],
};

export const householdGas: CreateChecklist = {
  code: 'household-gas',
  name: '居民用户燃气安全入户检查表',
  subjectTypes: ['household'],
  catalogue: '城镇燃气经营安全重大隐患判定标准(2023)',
  items: [
    { category: '连接软管', text: '橡胶软管超过使用年限(约18个月),建议更换为不锈钢波纹管', clause: 'CJJ51 第5.2条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '连接软管', text: '软管长度超过2米或穿墙使用', clause: 'GB50028 第10.2条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '燃气灶具', text: '灶具无熄火保护装置', clause: 'GB16410 第5.3条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '气瓶', text: '液化石油气钢瓶超过4年检验期', clause: 'TSG23 第8.1条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '调压器', text: '减压阀使用超过约3年未更换', clause: 'GB35844 第6条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '安装环境', text: '燃气管道或用气设备设在卧室', clause: 'GB50028 第10.4条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '安装环境', text: '地下室使用液化石油气', clause: '判定标准 第九条', major: true, requiresPhotoOnFail: true, requiresNoteOnFail: true },
  ],
};

export const hazmatCarrier: CreateChecklist = {
  code: 'hazmat-carrier',
  name: '危险货物道路运输企业"四查一指导"检查表',
  subjectTypes: ['hazmat_carrier'],
  catalogue: '危险货物道路运输安全管理办法(2019)',
  items: [
    { category: '查车辆', text: '车辆技术状况、安全设施或标志不符合要求', clause: '办法 第二十条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    { category: '查人员', text: '驾驶员或押运员不具备相应从业资格', clause: '办法 第三十六条', major: true, requiresPhotoOnFail: false, requiresNoteOnFail: true },
    { category: '查装载', text: '未如实记录充装、装载查验情况', clause: '办法 第二十一条', major: false, requiresPhotoOnFail: false, requiresNoteOnFail: true },
    { category: '查动态监控', text: '未落实卫星定位动态监控,违规行为未及时处置', clause: '道路运输车辆动态监督管理办法 第二十二条', major: false, requiresPhotoOnFail: false, requiresNoteOnFail: true },
    { category: '一指导', text: '安全教育培训记录不全', clause: '办法 第三十七条', major: false, requiresPhotoOnFail: false, requiresNoteOnFail: true },
  ],
};

export const fireLane: CreateChecklist = {
  code: 'fire-lane',
  name: '住宅小区消防通道检查表',
  subjectTypes: ['residential_estate', 'public_place'],
  catalogue: '中华人民共和国消防法',
  items: [
    { category: '消防车通道', text: '消防车通道被占用、堵塞或封闭', clause: '消防法 第二十八条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '疏散通道', text: '楼道堆放杂物或电动自行车违规停放充电', clause: '消防法 第二十八条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
    { category: '消防设施', text: '室内消火栓无水或设施损坏', clause: '消防法 第十六条', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
  ],
};

export const demoChecklists = [constructionSite, householdGas, hazmatCarrier, fireLane];
