import Foundation
import PartnerPortalKit

// swift run PartnerPortal [--out DIR]
// swift run PartnerPortal serve [--port N] [--store FILE.sqlite]
// swift run PartnerPortal explain --user NAME --record ID
exit(PartnerPortalProgram.main(Array(CommandLine.arguments.dropFirst())))
