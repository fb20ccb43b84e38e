/** Account roles that handle cases in the field and so use the worker app. */
export const WORK_ROLES = ['grid_worker', 'grid_leader', 'community_worker', 'police_officer'];
