// Cockpit configuration of Joint Activities: adds the portfolio plugins (see ../joint-activities/) and
// hides Camunda's end-of-life banner from all but administrators (../../joint-activities/).
export default {
  customScripts: ['joint-activities/portfolio-plugin', '../joint-activities/administrators-only']
};
