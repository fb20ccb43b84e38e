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
