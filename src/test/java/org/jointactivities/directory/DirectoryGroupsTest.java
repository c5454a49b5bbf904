package org.jointactivities.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.AgencyProperties;
import org.jointactivities.agency.RoleGroup;
import org.junit.jupiter.api.Test;

/** Which of our groups a member of directory groups holds, and which mappings are refused. */
class DirectoryGroupsTest {

  final AgencyDirectory agencies = new AgencyDirectory(new AgencyProperties(List.of(
      new Agency("UNODC", "United Nations Office on Drugs and Crime", "unodc.org", "XM-DAC-41128"),
      new Agency("IOM", "International Organization for Migration", "iom.int", "XM-DAC-47066"))));

  @Test
  void directoryGroupsCompareAsTheDirectoryComparesThemRegardlessOfCase() {
    DirectoryGroups groups = new DirectoryGroups(agencies, new DirectoryProperties(Map.of(
        "unodc-officers", List.of("UNODC Programme Officers", " UNODC Field Staff "),
        "iom-reviewers", List.of("IOM Focal Points"))));

    assertThat(groups.heldThrough(List.of("unodc programme officers", "UNODC FIELD STAFF", "All Staff")))
        .extracting(RoleGroup::id).containsExactly("unodc-officers");
    assertThat(groups.heldThrough(List.of("All Staff"))).isEmpty();
    assertThat(groups.directoryGroupsOf("unodc-officers")).containsExactly("UNODC Programme Officers", "UNODC Field Staff");
    assertThat(groups.directoryGroupsOf("All Staff")).isEmpty();
  }

  @Test
  void ourGroupsWithoutADirectoryGroupAreNamedAsHeldByNobody() {
    DirectoryGroups groups = new DirectoryGroups(agencies, new DirectoryProperties(Map.of(
        "unodc-officers", List.of("UNODC Programme Officers"))));

    assertThat(groups.unmapped()).contains("camunda-admin", "iom-officers", "unodc-signatories-head-of-agency")
        .doesNotContain("unodc-officers").hasSize(groups.all().size() - 1);
  }

  @Test
  void aMappingForAGroupThatIsNotOursIsRefusedWithTheGroupsThatAre() {
    assertThatThrownBy(() -> new DirectoryGroups(agencies, new DirectoryProperties(Map.of(
        "unodc-oficers", List.of("UNODC Programme Officers")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("joint-activities.directory.groups names unodc-oficers, which is not one of our groups")
        .hasMessageContaining("camunda-admin, unodc-officers, unodc-reviewers");
  }
}
