// Admin configuration of Joint Activities: with single sign-on, its logout ends the provider's
// session too (signin/WebappLogoutScript serves ../joint-activities/logout.js).
export default {
  customScripts: ['../joint-activities/logout']
};
