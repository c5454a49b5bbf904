// Cockpit configuration of Joint Activities: adds the portfolio plugins (see ../joint-activities/).
export default {
  customScripts: ['joint-activities/portfolio-plugin']
};
