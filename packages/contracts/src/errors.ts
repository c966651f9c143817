/**
 * Error codes the API returns, with their messages in both languages. The client shows
 * `message` as is; `code` is for programs.
 */
export const errorMessages = {
  validation_failed: { 'zh-CN': '请求内容有误', en: 'The request is not valid' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  invalid_credentials: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  not_found: { 'zh-CN': '记录不存在或无权查看', en: 'Not found, or not yours to see' },
  route_not_found: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  conflict: { 'zh-CN': '与现有记录冲突', en: 'Conflicts with an existing record' },
  illegal_transition: { 'zh-CN': '当前状态下不能执行此操作', en: 'This action is not possible in the current state' },
  request_in_progress: { 'zh-CN': '相同的请求正在处理中', en: 'The same request is still being processed' },
  payload_too_large: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  too_many_requests: { 'zh-CN': '请求过于频繁,请稍后再试', en: 'Too many requests, try again later' },
  internal: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
} as const;
export type ErrorCode = keyof typeof errorMessages;
export type Locale = 'zh-CN' | 'en';
