package fr.parcours.admin;

import fr.parcours.edition.CopyService;
import fr.parcours.imports.ImportService;
import fr.parcours.team.TeamService;

/** The services behind a fair's set-up pages besides its places: bulk imports, edition copies and the team. */
public record SetupServices(ImportService imports, CopyService copies, TeamService team) {
}
