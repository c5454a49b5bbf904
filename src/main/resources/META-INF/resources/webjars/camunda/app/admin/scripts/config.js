// Admin configuration of Joint Activities: with single sign-on, its logout ends the provider's
// session too (../../joint-activities/single-sign-on.js).
export default {
  customScripts: ['../joint-activities/single-sign-on']
};
