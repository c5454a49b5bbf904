package org.jointactivities.history;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history level here: everything FULL keeps (who claimed, completed, changed what —
 * the user operation log —, incidents, job log, identity links, every task and activity) except two
 * things nobody reads and that made up most of our writes (benchmark: ~300 detail and ~190 historic
 * variable rows per lifecycle against bare Camunda's 23 and 12):
 * <ul>
 *   <li>the intermediate values of variables (ACT_HI_DETAIL): every decision, comment and signature is
 *       recorded, with its author and time, in our own audit trail and decision tables, and the last
 *       value of each process variable stays in ACT_HI_VARINST;</li>
 *   <li>the history of task-local variables: the inputs of a task's form, which become decisions in our
 *       tables, and what a revision or report form starts from (read from the registry).</li>
 * </ul>
 */
final class NoCopiesHistoryLevel implements HistoryLevel {

  static final String NAME = "full-without-copies";
  /** Stored in the database (ACT_GE_PROPERTY historyLevel); above the engine's own 0–3. */
  static final int ID = 31;

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL || eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      return false;
    }
    if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null) {
      return false;
    }
    return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }
}
