package org.jointactivities.directory;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.query.QueryProperty;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.jointactivities.agency.RoleGroup;

/**
 * Camunda's LDAP identity provider with our groups in place of the directory's: users, their
 * names, e-mail addresses and passwords come from the directory as they are; the groups the
 * engine sees are ours (DirectoryGroups), a user holding one of ours when they are a member of a
 * directory group mapped to it. A subclass because the plugin's queries run only on its own session.
 */
class RoleMappedLdapSession extends LdapIdentityProviderSession {

  private final DirectoryGroups groups;

  RoleMappedLdapSession(LdapConfiguration configuration, DirectoryGroups groups) {
    super(configuration);
    this.groups = groups;
  }

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    if (query.getTenantId() != null) {
      return List.of();
    }
    List<RoleGroup> candidates = query.getUserId() == null ? groups.all() : groups.heldThrough(directoryGroupsOf(query.getUserId()));
    List<Group> matching = candidates.stream()
        .filter(group -> query.getId() == null || group.id().equals(query.getId()))
        .filter(group -> query.getIds() == null || query.getIds().length == 0 || Arrays.asList(query.getIds()).contains(group.id()))
        .filter(group -> query.getName() == null || group.name().equals(query.getName()))
        .filter(group -> query.getNameLike() == null || like(query.getNameLike()).matcher(group.name()).matches())
        .filter(group -> query.getType() == null || group.type().equals(query.getType()))
        .filter(group -> isAuthorizedToRead(Resources.GROUP, group.id()))
        .map(RoleMappedLdapSession::entity)
        .sorted(order(query, Map.of(GroupQueryProperty.GROUP_ID, Group::getId, GroupQueryProperty.NAME, Group::getName,
            GroupQueryProperty.TYPE, Group::getType), Group::getId))
        .toList();
    return page(matching, query);
  }

  @Override
  public UserQuery createUserQuery() {
    return new SortableUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired(), ldapConfiguration);
  }

  @Override
  public UserQueryImpl createUserQuery(CommandContext commandContext) {
    return new SortableUserQuery(ldapConfiguration);
  }

  /**
   * The plugin's own answer, unless the list is sorted without the directory's sort control (the
   * plugin would neither sort nor page it) or asks for members of one of our groups: those lists are
   * read whole, then sorted and paged here.
   */
  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    String groupId = query.getGroupId();
    if (groupId == null && (query.getOrderingProperties().isEmpty() || ldapConfiguration.isSortControlSupported())) {
      return super.findUserByQueryCriteria(query);
    }
    List<User> all = unpaged(query, () -> groupId == null ? super.findUserByQueryCriteria(query) : membersOf(groupId, query));
    return page(all.stream().sorted(userOrder(query)).toList(), query);
  }

  /**
   * Members of one of our groups: the members of every directory group mapped to it, each once,
   * with the query's other criteria applied by the directory.
   */
  private List<User> membersOf(String groupId, LdapUserQueryImpl query) {
    Map<String, User> members = new LinkedHashMap<>();
    try {
      for (String directoryGroup : groups.directoryGroupsOf(groupId)) {
        if (getDnForGroup(directoryGroup).isEmpty()) {
          continue; // not in the directory: the plugin would search from the directory's root
        }
        query.memberOfGroup(directoryGroup);
        super.findUserByQueryCriteria(query).forEach(user -> members.putIfAbsent(user.getId(), user));
      }
    } finally {
      query.memberOfGroup(groupId);
    }
    return List.copyOf(members.values());
  }

  /** What {@code read} finds with the query's paging lifted, the paging put back afterwards. */
  private static List<User> unpaged(LdapUserQueryImpl query, Supplier<List<User>> read) {
    int firstResult = query.getFirstResult();
    int maxResults = query.getMaxResults();
    try {
      query.setFirstResult(0);
      query.setMaxResults(Integer.MAX_VALUE);
      return read.get();
    } finally {
      query.setFirstResult(firstResult);
      query.setMaxResults(maxResults);
    }
  }

  private static Comparator<User> userOrder(LdapUserQueryImpl query) {
    return order(query, Map.of(UserQueryProperty.USER_ID, User::getId, UserQueryProperty.FIRST_NAME, User::getFirstName,
        UserQueryProperty.LAST_NAME, User::getLastName, UserQueryProperty.EMAIL, User::getEmail), User::getId);
  }

  /**
   * The plugin's user query, which may also be sorted descending: the plugin refuses that when the
   * directory has no sort control (the REST API answered 500), and this session sorts such lists itself.
   */
  static final class SortableUserQuery extends LdapUserQueryImpl {

    SortableUserQuery(LdapConfiguration configuration) {
      super(configuration);
    }

    SortableUserQuery(CommandExecutor executor, LdapConfiguration configuration) {
      super(executor, configuration);
    }

    @Override
    public UserQuery desc() {
      return direction(Direction.DESCENDING);
    }
  }

  /**
   * The plugin escapes only user ids in its user filter: a first name such as {@code *)(uid=*} from
   * the REST API went into the filter as written. Every value is escaped here; in the LIKE criteria
   * the wildcard ({@code %}, which the plugin has turned into {@code *}) stays one.
   */
  @Override
  protected String getUserSearchFilter(LdapUserQueryImpl query) {
    StringWriter filter = new StringWriter();
    filter.write("(&");
    filter.write(ldapConfiguration.getUserSearchFilter());
    if (query.getId() != null) {
      addFilter(ldapConfiguration.getUserIdAttribute(), escapeLDAPSearchFilter(query.getId()), filter);
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      filter.write("(|");
      for (String id : query.getIds()) {
        addFilter(ldapConfiguration.getUserIdAttribute(), escapeLDAPSearchFilter(id), filter);
      }
      filter.write(")");
    }
    criterion(ldapConfiguration.getUserEmailAttribute(), query.getEmail(), query.getEmailLike(), filter);
    criterion(ldapConfiguration.getUserFirstnameAttribute(), query.getFirstName(), query.getFirstNameLike(), filter);
    criterion(ldapConfiguration.getUserLastnameAttribute(), query.getLastName(), query.getLastNameLike(), filter);
    filter.write(")");
    return filter.toString();
  }

  private void criterion(String attribute, String exact, String like, StringWriter filter) {
    if (exact != null) {
      addFilter(attribute, escapeLDAPSearchFilter(exact), filter);
    }
    if (like != null) {
      addFilter(attribute, Arrays.stream(like.replace('%', '*').split("\\*", -1))
          .map(this::escapeLDAPSearchFilter).collect(Collectors.joining("*")), filter);
    }
  }

  /** Only the plugin's own lookups ask this, always by a directory group's id, escaped as a value. */
  @Override
  protected String getDnForGroup(String directoryGroupId) {
    LdapGroupQuery byId = new LdapGroupQuery();
    byId.groupId(escapeLDAPSearchFilter(directoryGroupId));
    return super.findGroupByQueryCriteria(byId).stream().findFirst()
        .map(group -> ((LdapGroupEntity) group).getDn()).orElse("");
  }

  /** The directory's own groups are never shown; whether the caller may read ours is checked above. */
  @Override
  protected boolean isAuthorizedToReadGroup(String directoryGroupId) {
    return true;
  }

  private List<String> directoryGroupsOf(String userId) {
    LdapGroupQuery byMember = new LdapGroupQuery();
    byMember.groupMember(userId);
    return super.findGroupByQueryCriteria(byMember).stream().map(Group::getId).toList();
  }

  private static Group entity(RoleGroup group) {
    GroupEntity entity = new GroupEntity(group.id());
    entity.setName(group.name());
    entity.setType(group.type());
    return entity;
  }

  /** A LIKE pattern as the engine's database queries take it ({@code %}), or as LDAP writes it ({@code *}). */
  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("[%*]", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  private static <T> Comparator<T> order(AbstractQuery<?, ?> query, Map<QueryProperty, Function<T, String>> properties,
      Function<T, String> byDefault) {
    Comparator<T> order = null;
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      Function<T, String> property = properties.entrySet().stream()
          .filter(entry -> entry.getKey().getName().equals(ordering.getQueryProperty().getName()))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (property == null) {
        continue;
      }
      Comparator<T> next = Comparator.comparing(property, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
      if (Direction.DESCENDING.equals(ordering.getDirection())) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    Comparator<T> last = Comparator.comparing(byDefault, Comparator.nullsLast(Comparator.naturalOrder()));
    return order == null ? last : order.thenComparing(last);
  }

  private static <T> List<T> page(List<T> all, AbstractQuery<?, ?> query) {
    int from = Math.min(Math.max(query.getFirstResult(), 0), all.size());
    int to = (int) Math.min((long) from + Math.max(query.getMaxResults(), 0), all.size());
    return all.subList(from, to);
  }
}
