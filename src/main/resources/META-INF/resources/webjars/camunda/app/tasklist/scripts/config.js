// Tasklist configuration of Joint Activities: adds its plugin (see ../joint-activities/) and hides
// Camunda's end-of-life banner from all but administrators (../../joint-activities/).
// With single sign-on, its logout ends the provider's session too (signin/WebappLogoutScript).
export default {
  // a comment written on a task belongs to the activity's discussion: its process instance keeps it
  assignProcessInstanceIdToTaskComment: true,
  customScripts: ['joint-activities/tasklist-plugin', '../joint-activities/administrators-only', '../joint-activities/logout'],
  // dates as the agencies' staff read them: 1 February 2027, not 2/1/2027
  dateFormat: {
    normal: 'D MMMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  }
};
