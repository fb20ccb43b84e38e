import { defineMessages } from '../../shared/i18n/index.tsx';

/** The words of the resident's 邻里 hub: what neighbours do for each other, one card each. */
export const communityMessages = defineMessages(
  {
    tab: '邻里',
    title: '邻里互助',
    lead: '找能人帮忙、许个微心愿、参加社区活动。',
    ordersTitle: '服务点单',
    ordersText: '理发、义诊、维修、辅导……社区派能人上门服务；能人在这里接单。',
    wishesTitle: '微心愿',
    wishesText: '说出一个小心愿，共建单位和党员认领；看看还有哪些心愿在等人认领。',
    activitiesTitle: '社区活动',
    activitiesText: '月月有活动：报名、签到、看身边榜样。',
  },
  {
    tab: 'Neighbours',
    title: 'Neighbours helping neighbours',
    lead: 'Ask a talent for help, make a small wish, join a community activity.',
    ordersTitle: 'Order a service',
    ordersText: 'Haircuts, health checks, repairs, tutoring… the community sends a talent to you; talents take their orders here.',
    wishesTitle: 'Micro-wishes',
    wishesText: 'Tell us a small wish for partner units and party members to claim; see which wishes still wait.',
    activitiesTitle: 'Community activities',
    activitiesText: 'Something every month: sign up, check in, read about role models.',
  },
);
