/**
 * The one catalogue of refusals. Services throw `AppError(code)`; the error handler turns it into
 * `{ error: { code, message, details? } }` with the status and the message in the caller's language.
 * Match errors by code, never by message text.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求，请检查后重试。', en: 'The request is not valid; check it and try again.' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持该内容类型。', en: 'This content type is not supported.' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大。', en: 'The request body is too large.' },
  NOT_FOUND: { status: 404, zh: '未找到请求的内容。', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '没有这个接口。', en: 'There is no such endpoint.' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用。', en: 'This account is disabled.' },
  RATE_LIMITED: { status: 429, zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; try again later.' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用。', en: 'This username is already taken.' },
  CODE_TAKEN: { status: 409, zh: '编码已被使用。', en: 'This code is already in use.' },
  ORG_NODE_NOT_FOUND: { status: 404, zh: '未找到该组织节点。', en: 'No such org node.' },
  ORG_PARENT_INVALID: { status: 400, zh: '上级节点类型不正确。', en: 'The parent node is of the wrong kind.' },
  ORG_NODE_NOT_EMPTY: { status: 409, zh: '该节点下还有下级节点或人员，不能删除。', en: 'This node still has children or people and cannot be deleted.' },
  GEOMETRY_INVALID: { status: 400, zh: '区域边界无效。', en: 'The boundary geometry is invalid.' },
  GEOJSON_INVALID: { status: 400, zh: 'GeoJSON 文件中有无效的要素，未导入任何内容。', en: 'The GeoJSON has invalid features; nothing was imported.' },
  COORDINATES_OUT_OF_RANGE: { status: 400, zh: '经纬度超出范围。', en: 'Coordinates are out of range.' },
  GRID_NOT_FOUND: { status: 404, zh: '未找到该网格。', en: 'No such grid.' },
  RESIDENT_NOT_FOUND: { status: 404, zh: '未找到该居民。', en: 'No such resident.' },
  HOUSEHOLD_NOT_FOUND: { status: 404, zh: '未找到该住户。', en: 'No such household.' },
  STAFF_NOT_FOUND: { status: 404, zh: '未找到该工作人员。', en: 'No such staff member.' },
  // Staff (M1): staff members, their roles at grids and police beats, contact cards.
  WORK_PHONE_INVALID: { status: 400, zh: '工作电话格式不正确：请填写手机号（如 13800000000）或带区号的座机号（如 0891-6321234）。', en: 'The work phone is not valid: give a mobile number (e.g. 13800000000) or a landline with its area code (e.g. 0891-6321234).' },
  STAFF_ASSIGNMENT_NOT_FOUND: { status: 404, zh: '未找到该岗位安排。', en: 'No such assignment.' },
  STAFF_ASSIGNMENT_EXISTS: { status: 409, zh: '该工作人员在这个节点已担任此角色。', en: 'This staff member already has this role at this node.' },
  STAFF_ROLE_NODE_MISMATCH: { status: 400, zh: '该角色不能安排在这一级：网格长和网格员须安排在网格，社区工作者须安排在社区、片区或网格。', en: 'This role cannot be assigned at this level: grid leaders and grid workers belong to a grid; community workers to a community, sector or grid.' },
  POLICE_BEAT_ONLY_FOR_OFFICERS: { status: 400, zh: '只有民警可以关联警格。', en: 'Only a police officer can be linked to a police beat.' },
  POLICE_BEAT_NOT_FOUND: { status: 404, zh: '未找到该警格。', en: 'No such police beat.' },
  PHONE_INVALID: { status: 400, zh: '手机号格式不正确。', en: 'The mobile number is not valid.' },
  ID_NUMBER_INVALID: { status: 400, zh: '身份证号不正确。', en: 'The ID number is not valid.' },
  ID_NUMBER_TAKEN: { status: 409, zh: '该身份证号已登记。', en: 'This ID number is already registered.' },
  ROLE_INVALID: { status: 400, zh: '角色不正确。', en: 'Unknown role.' },
  // People (M1): compounds, buildings, households, residents, party hub households, liaisons, imports.
  COMPOUND_NOT_FOUND: { status: 404, zh: '未找到该大院/小区。', en: 'No such compound.' },
  BUILDING_NOT_FOUND: { status: 404, zh: '未找到该楼栋。', en: 'No such building.' },
  COMPOUND_EXISTS: { status: 409, zh: '该网格中已有同名的大院/小区。', en: 'This grid already has a compound with that name.' },
  BUILDING_EXISTS: { status: 409, zh: '该大院/小区中已有同名的楼栋。', en: 'This compound already has a building with that name.' },
  HOUSEHOLD_EXISTS: { status: 409, zh: '该网格中已有相同住址的住户。', en: 'This grid already has a household at that address.' },
  PLACE_MISMATCH: { status: 400, zh: '楼栋不属于该大院/小区，或大院/小区不属于该网格。', en: 'The building is not in that compound, or the compound is not in that grid.' },
  ADDRESS_REQUIRED: { status: 400, zh: '请填写住址或所在大院/小区。', en: 'Give an address or a compound.' },
  NAME_REQUIRED: { status: 400, zh: '姓名不能为空。', en: 'The name is required.' },
  GENDER_INVALID: { status: 400, zh: '性别应填写“男”或“女”。', en: 'Gender must be 男 (male) or 女 (female).' },
  ID_NUMBER_MISMATCH: { status: 400, zh: '性别或出生日期与身份证号不一致。', en: 'The gender or birth date does not match the ID number.' },
  ID_NUMBER_REPEATED: { status: 400, zh: '该身份证号在文件中重复出现。', en: 'This ID number appears more than once in the file.' },
  GRID_AMBIGUOUS: { status: 400, zh: '有多个同名网格，请填写网格编码。', en: 'Several grids have this name; use the grid code.' },
  PARTY_HUB_NOT_FOUND: { status: 404, zh: '该住户不是党员中心户。', en: 'This household is not a party hub household.' },
  PARTY_HUB_LINKS_ITSELF: { status: 400, zh: '党员中心户联系的住户中不能包含自己。', en: 'A party hub household cannot be linked to itself.' },
  RESIDENT_HAS_ACCOUNT: { status: 409, zh: '该居民有登录账号，不能删除。', en: 'This resident has a sign-in account and cannot be deleted.' },
  IMPORT_FILE_UNSUPPORTED: { status: 400, zh: '只能导入 .xlsx 或 .csv 文件。', en: 'Only .xlsx and .csv files can be imported.' },
  IMPORT_COLUMNS_MISSING: { status: 400, zh: '表格缺少必需的列（姓名、网格、住址/大院）。', en: 'The sheet lacks required columns (姓名, 网格, 住址/大院).' },
  CASE_NOT_FOUND: { status: 404, zh: '未找到该案件。', en: 'No such case.' },
  CASE_ACTION_NOT_ALLOWED: { status: 409, zh: '案件当前为「{stateZh}」状态，不能执行「{actionZh}」。', en: 'The case is {state}; "{actionEn}" is not possible now.' },
  CASE_CHANGED: { status: 409, zh: '案件刚被其他人处理过，请刷新后再试。', en: 'Someone else acted on this case just now; reload and try again.' },
  CASE_KIND_UNKNOWN: { status: 400, zh: '案件类型不存在。', en: 'Unknown case kind.' },
  CATEGORY_UNKNOWN: { status: 400, zh: '问题分类不存在。', en: 'Unknown category.' },
  NATURE_UNKNOWN: { status: 400, zh: '诉求性质不存在。', en: 'Unknown nature of the request.' },
  CHANNEL_NOT_ALLOWED: { status: 403, zh: '您不能通过这个渠道提交这类案件。', en: 'You cannot file this kind of case through this channel.' },
  LOCATION_REQUIRED: { status: 400, zh: '请在地图上选择位置，或选择所在大院/小区。', en: 'Give a location: a point on the map or your compound.' },
  PHOTO_NOT_FOUND: { status: 400, zh: '照片不存在，请重新上传。', en: 'A photo was not found; upload it again.' },
  PHOTO_REFUSED: { status: 400, zh: '照片无法使用：{reasonZh}', en: 'The photo cannot be used: {reasonEn}' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该请求编号已用于另一份不同的反映。', en: 'This Idempotency-Key was already used for a different report.' },
  PROXY_CONSENT_REQUIRED: { status: 400, zh: '代办需记录居民的同意。', en: 'A proxy report needs the resident\'s recorded consent.' },
  NOT_CASE_HANDLER: { status: 403, zh: '只有该案件的处理人或其上级可以执行此操作。', en: 'Only the case\'s handler or their supervisors can do this.' },
  VERIFIER_IS_HANDLER: { status: 403, zh: '核查需由处理人以外的人进行。', en: 'Someone other than the handler must verify.' },
  EXTENSION_PENDING: { status: 409, zh: '已有待审批的延期申请。', en: 'An extension request is already pending.' },
  NO_PENDING_EXTENSION: { status: 409, zh: '没有待审批的延期申请。', en: 'There is no pending extension request.' },
  ESCALATION_TOP_TIER: { status: 409, zh: '已在最高层级，无法继续上报。', en: 'The case is already at the top tier.' },
  MERGE_TARGET_INVALID: { status: 400, zh: '只能合并到另一件未办结的案件。', en: 'A case can only be merged into another open case.' },
  REOPEN_WINDOW_PASSED: { status: 409, zh: '已超过可重新办理的期限。', en: 'The time to reopen this case has passed.' },
  HANDLER_NOT_FOUND: { status: 400, zh: '找不到指定的处理人或处理单位。', en: 'No such handler or handling unit.' },
  // Open311 GeoReport v2: its own wording (service_code, api_key, lat/long), answered as the spec's <errors>.
  OPEN311_API_KEY_INVALID: { status: 403, zh: '缺少 api_key 或 api_key 无效，无法提交诉求。', en: 'Missing or invalid api_key; the service request cannot be created.' },
  OPEN311_SERVICE_CODE_REQUIRED: { status: 400, zh: '未提供 service_code。', en: 'service_code was not provided.' },
  OPEN311_SERVICE_NOT_FOUND: { status: 404, zh: '没有编码为 {serviceCode} 的服务类型。', en: 'service_code {serviceCode} was not found.' },
  OPEN311_LOCATION_REQUIRED: { status: 400, zh: '请提供位置：lat 和 long（WGS84），或本辖区大院/小区的准确名称（address_string）或编号（address_id）。', en: 'A location is required: lat and long (WGS84), or the exact name (address_string) or id (address_id) of a compound in this jurisdiction.' },
  OPEN311_ATTRIBUTE_INVALID: { status: 400, zh: 'attribute[{attribute}] 缺失或取值不在服务定义之内。', en: 'attribute[{attribute}] is missing or has a value the service definition does not allow.' },
  OPEN311_PARAMETER_INVALID: { status: 400, zh: '参数 {parameter} 不正确：{problemZh}。', en: 'The parameter {parameter} is not valid: {problemEn}.' },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的公开诉求。', en: 'No public service request {id}.' },
  OPEN311_TOKEN_NOT_FOUND: { status: 404, zh: '没有这个 token：{token}。', en: 'token {token} was not found.' },
  // Volunteers (M6): talent pool (能人库), volunteer teams, partner units (共建单位) and shared resources, matching.
  TALENT_NOT_FOUND: { status: 404, zh: '未找到该能人。', en: 'No such talent.' },
  TALENT_EXISTS: { status: 409, zh: '此人已在能人库中。', en: 'This person is already in the talent pool.' },
  TALENT_PERSON_REQUIRED: { status: 400, zh: '请选择一位居民，或填写姓名和手机号。', en: 'Choose a resident, or give a name and a mobile number.' },
  TALENT_ORIGIN_NOT_ALLOWED: { status: 403, zh: '您不能以这种方式登记能人：居民可以自荐或推荐，网格员登记摸排，双报到由社区登记。', en: 'You cannot add a talent this way: residents nominate themselves or recommend, grid workers record surveys, the community registers in-service members.' },
  TALENT_STATUS_CONFLICT: { status: 409, zh: '能人当前为「{statusZh}」状态，不能执行此操作。', en: 'The talent is {status}; this is not possible now.' },
  TALENT_PLACE_INVALID: { status: 400, zh: '能人须登记在一个社区或网格。', en: 'A talent belongs to a community or a grid.' },
  TALENT_SKILL_NOT_FOUND: { status: 404, zh: '该能人没有这项技能。', en: 'The talent does not have this skill.' },
  TALENT_LAST_SKILL: { status: 409, zh: '能人至少要保留一项技能。', en: 'A talent keeps at least one skill.' },
  TALENT_NOT_ACTIVE: { status: 409, zh: '只有待确认或已确认的能人可以加入队伍或担任队长。', en: 'Only proposed or confirmed talents can join or lead a team.' },
  WEEKLY_HOURS_INVALID: { status: 400, zh: '时间段不正确：星期为 1（周一）至 7（周日），开始时间须早于结束时间（HH:mm）。', en: 'A time slot is not valid: weekdays are 1 (Monday) to 7 (Sunday) and the start (HH:mm) must be before the end.' },
  TEAM_NOT_FOUND: { status: 404, zh: '未找到该志愿服务队。', en: 'No such volunteer team.' },
  TEAM_EXISTS: { status: 409, zh: '该社区已有同名的志愿服务队。', en: 'This community already has a team with that name.' },
  TEAM_MEMBER_NOT_FOUND: { status: 404, zh: '该能人不是这支队伍的成员。', en: 'This talent is not a member of the team.' },
  TEAM_MEMBER_OUTSIDE_COMMUNITY: { status: 400, zh: '只有本社区的能人可以加入这支队伍。', en: "Only talents of the team's community can join it." },
  TEAM_LEADER_REMOVAL: { status: 409, zh: '请先更换队长，再让其离开队伍。', en: 'Choose another leader before the leader leaves the team.' },
  PARTNER_UNIT_NOT_FOUND: { status: 404, zh: '未找到该共建单位。', en: 'No such partner unit.' },
  PARTNER_UNIT_EXISTS: { status: 409, zh: '已有同名的共建单位。', en: 'A partner unit with that name already exists.' },
  PARTNER_UNIT_REQUIRED: { status: 400, zh: '双报到党员须填写所在单位。', en: 'An in-service member needs their unit.' },
  PARTNER_UNIT_NOT_PAIRED: { status: 400, zh: '该单位未与这个社区结对共建。', en: 'The unit is not paired with this community.' },
  PARTNER_UNIT_COMMUNITY_INVALID: { status: 400, zh: '结对的只能是社区/村。', en: 'A unit pairs with communities or villages only.' },
  SHARED_RESOURCE_NOT_FOUND: { status: 404, zh: '未找到该共享资源。', en: 'No such shared resource.' },
  MATCH_PLACE_REQUIRED: { status: 400, zh: '请给出服务地点：经纬度或网格。', en: 'Give the place of the service: a point (lng, lat) or a grid.' },
  MATCH_PLACE_OUTSIDE_GRIDS: { status: 400, zh: '该地点不在任何网格内。', en: 'The place is not inside any grid.' },
  // Points and merchants (M7): the points ledger, earning rules, merchants, rewards, redemption codes, settlement.
  POINTS_AMOUNT_INVALID: { status: 400, zh: '积分必须是大于零的整数。', en: 'Points must be a whole number greater than zero.' },
  POINTS_QUANTITY_INVALID: { status: 400, zh: '数量必须大于零，且按规则折算后须为整数积分。', en: 'The quantity must be greater than zero and come to a whole number of points under the rule.' },
  POINTS_REASON_REQUIRED: { status: 400, zh: '请填写原因。', en: 'Give a reason.' },
  POINTS_COMMUNITY_REQUIRED: { status: 400, zh: '积分按社区记账，请选择一个社区。', en: 'Points are kept per community; choose a community.' },
  POINTS_RULE_NOT_CONFIGURED: { status: 409, zh: '本社区未设置或已停用“{rule}”积分规则。', en: 'This community has no active "{rule}" points rule.' },
  POINTS_LIMIT_REACHED: { status: 409, zh: '已达到本期积分上限（{limit} 分），不能再获得该类积分。', en: 'The points limit for this period ({limit}) has been reached.' },
  POINTS_ALREADY_EARNED: { status: 409, zh: '这项服务或活动已经发放过积分。', en: 'Points were already paid for this service or activity.' },
  POINTS_INSUFFICIENT_BALANCE: { status: 409, zh: '积分余额不足。', en: 'Not enough points.' },
  POINTS_NOT_A_RESIDENT: { status: 403, zh: '只有关联了居民信息的账号才有积分。', en: 'Only an account linked to a resident holds points.' },
  POINTS_TRANSFER_NOT_FOUND: { status: 404, zh: '未找到该积分记录。', en: 'No such points transfer.' },
  POINTS_ALREADY_REVERSED: { status: 409, zh: '该积分记录已经冲正过，不能重复冲正。', en: 'This transfer has already been reversed.' },
  POINTS_NOT_REVERSIBLE: { status: 409, zh: '只有积分发放和积分兑换可以冲正。', en: 'Only earned and redeemed points can be reversed.' },
  POINTS_REVERSAL_OVERDRAWS: { status: 409, zh: '冲正后余额将小于零（积分已被使用），不能冲正。', en: 'Reversing this would leave a balance below zero (the points were already used).' },
  MERCHANT_NOT_FOUND: { status: 404, zh: '未找到该商户。', en: 'No such merchant.' },
  MERCHANT_EXISTS: { status: 409, zh: '本社区已有同名商户。', en: 'This community already has a merchant with that name.' },
  MERCHANT_NO_AGREEMENT: { status: 409, zh: '该商户没有有效的积分兑换协议，不能上架兑换项目或核销兑换码。', en: 'This merchant has no valid points agreement, so it cannot list rewards or redeem codes.' },
  MERCHANT_AGREEMENT_DATES_INVALID: { status: 400, zh: '协议到期日不能早于签订日期。', en: 'The agreement cannot end before it is signed.' },
  REWARD_NOT_FOUND: { status: 404, zh: '未找到该兑换项目。', en: 'No such reward.' },
  REWARD_UNAVAILABLE: { status: 409, zh: '该兑换项目已下架。', en: 'This reward is not offered any more.' },
  REWARD_OUT_OF_STOCK: { status: 409, zh: '该兑换项目已兑完。', en: 'This reward is out of stock.' },
  REWARD_OTHER_COMMUNITY: { status: 409, zh: '只能兑换本社区签约商户的项目。', en: 'Rewards can only be redeemed at merchants of your own community.' },
  REDEMPTION_CODE_NOT_FOUND: { status: 404, zh: '兑换码不存在，请核对后重试。', en: 'No such redemption code; check it and try again.' },
  REDEMPTION_CODE_OTHER_MERCHANT: { status: 403, zh: '该兑换码是兑换其他商户项目的，不能在本店核销。', en: 'This code is for another merchant\'s reward and cannot be redeemed here.' },
  REDEMPTION_CODE_EXPIRED: { status: 409, zh: '兑换码已过期，请居民重新生成。', en: 'This code has expired; the resident should make a new one.' },
  REDEMPTION_CODE_USED: { status: 409, zh: '兑换码已使用过，不能重复兑换。', en: 'This code has already been used.' },
  REDEMPTION_CODE_CANCELLED: { status: 409, zh: '兑换码已被居民取消。', en: 'This code was cancelled by the resident.' },
  SETTLEMENT_MONTH_OPEN: { status: 409, zh: '只能结算已经结束的月份。', en: 'Only a month that has ended can be settled.' },
  SETTLEMENT_EXISTS: { status: 409, zh: '该商户这个月已经结算过。', en: 'This merchant\'s month has already been settled.' },
  SETTLEMENT_NOTHING: { status: 409, zh: '该商户这个月没有待结算的兑换。', en: 'This merchant has no redemptions to settle for that month.' },
  // Activities and role models (M12): activities, sign-up, check-in, role-model stories (身边榜样).
  ACTIVITY_NOT_FOUND: { status: 404, zh: '未找到该活动。', en: 'No such activity.' },
  ACTIVITY_TIMES_INVALID: { status: 400, zh: '活动结束时间须晚于开始时间，报名截止不能晚于活动开始，报名开始须早于报名截止。', en: 'The activity must end after it starts, sign-up must close no later than the start, and open before it closes.' },
  ACTIVITY_CAPACITY_BELOW_SIGN_UPS: { status: 409, zh: '已有 {taken} 人报名或到场，名额不能少于这个数。', en: '{taken} people have already signed up or checked in; the capacity cannot be lower.' },
  ACTIVITY_STATE_CONFLICT: { status: 409, zh: '活动当前为「{stateZh}」状态，不能执行此操作。', en: 'The activity is {state}; this is not possible now.' },
  ACTIVITY_HAS_ATTENDANCE: { status: 409, zh: '活动已有居民签到，不能取消。', en: 'Residents have already checked in; the activity cannot be cancelled.' },
  ACTIVITY_NOT_STARTED: { status: 409, zh: '活动尚未开始，不能结束。', en: 'The activity has not started yet, so it cannot be finished.' },
  ACTIVITY_SIGN_UP_CLOSED: { status: 409, zh: '该活动现在不能报名或取消报名（未开放、已截止或已开始）。', en: 'Sign-up for this activity is not open now (not yet open, closed, or the activity has started).' },
  ACTIVITY_FULL: { status: 409, zh: '活动名额已满。', en: 'The activity is full.' },
  ACTIVITY_ALREADY_SIGNED_UP: { status: 409, zh: '已经报名了这个活动。', en: 'Already signed up for this activity.' },
  ACTIVITY_NOT_SIGNED_UP: { status: 404, zh: '没有找到该居民对这个活动的报名。', en: 'This resident has not signed up for the activity.' },
  ACTIVITY_NOT_YOUR_SIGN_UP: { status: 403, zh: '只能取消自己的报名；为他人代办请联系社区。', en: 'You can only withdraw your own sign-up; ask the community office to act for someone else.' },
  ACTIVITY_RESIDENT_ONLY: { status: 403, zh: '只有关联了居民信息的账号才能报名或签到。', en: 'Only an account linked to a resident can sign up or check in.' },
  CHECK_IN_CODE_INVALID: { status: 404, zh: '签到码不正确，请重新扫码或核对后输入。', en: 'No such check-in code; scan it again or check what you typed.' },
  CHECK_IN_NOT_OPEN: { status: 409, zh: '现在不在签到时间内（活动开始前 {minutes} 分钟至活动结束）。', en: 'Check-in is not open now (from {minutes} minutes before the start until the end).' },
  ALREADY_CHECKED_IN: { status: 409, zh: '已经签到过了。', en: 'Already checked in.' },
  TEAM_OTHER_COMMUNITY: { status: 400, zh: '组织活动的志愿服务队须属于本社区。', en: 'The organising volunteer team must belong to the activity\'s community.' },
  ACTIVITY_COMMUNITY_REQUIRED: { status: 400, zh: '活动和榜样按社区发布，请选择一个社区。', en: 'Activities and role models belong to a community; choose a community.' },
  CALENDAR_RANGE_INVALID: { status: 400, zh: '日期范围不正确：开始不能晚于结束，且最长 92 天。', en: 'The date range is not valid: from must not be after to, and it spans at most 92 days.' },
  ROLE_MODEL_NOT_FOUND: { status: 404, zh: '未找到该榜样事迹。', en: 'No such role-model story.' },
  ROLE_MODEL_PERSON_NOT_FOUND: { status: 400, zh: '榜样事迹关联的居民或能人不存在，或不在您的管辖范围内。', en: 'A person the story is about does not exist or is outside your reach.' },
  // Service orders (issue 6): 群众点单、社区派单、能人接单, two-way ratings.
  ORDER_NOT_FOUND: { status: 404, zh: '未找到该服务点单。', en: 'No such service order.' },
  ORDER_REQUESTER_REQUIRED: { status: 400, zh: '请选择为哪位居民点单，并记录居民同意代办的方式。', en: 'Choose the resident the order is for and record how they agreed.' },
  ORDER_RESIDENT_ONLY: { status: 403, zh: '只有关联了居民信息的账号才能点单。', en: 'Only an account linked to a resident can order a service.' },
  ORDER_TALENT_REQUIRED: { status: 409, zh: '服务点单须派给一位能人或一支队伍，请在“点单派单”中派单。', en: 'A service order goes to a talent or a team; dispatch it from the order board.' },
  ORDER_TARGET_REQUIRED: { status: 400, zh: '请选择一位能人或一支队伍（二选一）。', en: 'Choose one talent or one team.' },
  ORDER_TALENT_UNSUITABLE: { status: 409, zh: '该能人不是已确认的、具备此项技能的能人，或不服务该地点。', en: 'This talent is not a confirmed talent with this skill who serves the place.' },
  ORDER_TALENT_DECLINED: { status: 409, zh: '该能人已经谢绝过这张点单，请选择其他能人。', en: 'This talent already declined this order; choose someone else.' },
  ORDER_TEAM_UNSUITABLE: { status: 409, zh: '该队伍不在本社区，或没有具备此项技能的队长。', en: 'This team is not of this community, or its leader lacks the skill.' },
  ORDER_USE_DECLINE: { status: 409, zh: '能人退回服务点单请使用“谢绝”，说明原因。', en: 'A talent hands an order back by declining it, with a reason.' },
  ORDER_HOURS_REQUIRED: { status: 400, zh: '完成服务时请填写服务时长。', en: 'Give the hours of service when marking it done.' },
  ORDER_NOT_TRANSFERABLE: { status: 409, zh: '服务点单不能转办或上报，请谢绝后由社区重新派单。', en: 'A service order is not transferred or escalated; decline it and the community dispatches it again.' },
  ORDER_NOT_RATABLE: { status: 409, zh: '服务完成后才能评价。', en: 'You can rate the service once it is done.' },
  ORDER_ALREADY_RATED: { status: 409, zh: '您已经评价过这次服务。', en: 'You already rated this service.' },
  ORDER_NOT_A_PARTY: { status: 403, zh: '只有点单的居民和接单的能人可以评价。', en: 'Only the resident who ordered and the talent who served can rate.' },
  CONFLICT: { status: 409, zh: '数据已被他人修改或已存在，请刷新后重试。', en: 'Someone else changed or created this at the same time; reload and try again.' },
  INTERNAL: { status: 500, zh: '服务器出错了，请稍后再试。', en: 'Something went wrong on our side; please try again later.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A refusal the caller can act on; `details` says which field or feature and why. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }
}

export type Locale = 'zh-CN' | 'en';

/** The message for a code in the caller's language; `{name}` placeholders are filled from the details. */
export function errorMessage(code: ErrorCode, locale: Locale, details?: unknown): string {
  const entry = errorCatalogue[code];
  const text: string = locale === 'en' ? entry.en : entry.zh;
  if (!details || typeof details !== 'object' || !text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = (details as Record<string, unknown>)[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : whole;
  });
}
