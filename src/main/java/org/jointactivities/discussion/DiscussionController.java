package org.jointactivities.discussion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The activity's discussion, by the activity's reference or by one of its tasks (Tasklist's plugin). */
@RestController
@Tag(name = "Discussion", description = "Comments on an activity, read by both agencies in every task of it")
class DiscussionController {

  record Written(String text) {}

  record TaskDiscussion(String reference, List<Discussion.Entry> comments) {}

  private final Discussion discussion;

  DiscussionController(Discussion discussion) {
    this.discussion = discussion;
  }

  @Operation(summary = "The activity's comments, oldest first")
  @GetMapping("/api/activities/{reference}/discussion")
  List<Discussion.Entry> ofActivity(@PathVariable String reference, Principal user) {
    return discussion.of(reference, user.getName());
  }

  @Operation(summary = "Comment on the activity")
  @PostMapping("/api/activities/{reference}/discussion")
  @ResponseStatus(HttpStatus.CREATED)
  Discussion.Entry comment(@PathVariable String reference, @RequestBody Written written, Principal user) {
    return discussion.add(reference, null, user.getName(), written.text());
  }

  @Operation(summary = "The comments on the activity a task belongs to")
  @GetMapping("/api/tasks/{taskId}/discussion")
  TaskDiscussion ofTask(@PathVariable String taskId, Principal user) {
    String reference = discussion.referenceOfTask(taskId, user.getName());
    return new TaskDiscussion(reference, discussion.of(reference, user.getName()));
  }

  @Operation(summary = "Comment on the activity from one of its tasks")
  @PostMapping("/api/tasks/{taskId}/discussion")
  @ResponseStatus(HttpStatus.CREATED)
  Discussion.Entry commentOnTask(@PathVariable String taskId, @RequestBody Written written, Principal user) {
    String reference = discussion.referenceOfTask(taskId, user.getName());
    return discussion.add(reference, taskId, user.getName(), written.text());
  }
}
