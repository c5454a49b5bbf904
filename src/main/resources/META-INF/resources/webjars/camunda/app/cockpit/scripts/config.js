// Cockpit configuration of Joint Activities: adds the portfolio plugins (see ../joint-activities/) and
// hides Camunda's end-of-life banner from all but administrators (../../joint-activities/).
// With single sign-on, its logout ends the provider's session too (signin/WebappLogoutScript).
export default {
  customScripts: ['joint-activities/portfolio-plugin', '../joint-activities/administrators-only', '../joint-activities/logout']
};
