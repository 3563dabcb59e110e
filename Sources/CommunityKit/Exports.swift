@_exported public import CommunityModel
@_exported public import CommunityAccess
@_exported public import CommunityContent
@_exported public import CommunityEngagement
@_exported public import CommunityIdentity
@_exported public import CommunityRendering
@_exported public import CommunitySQLite
@_exported public import CommunityPostgres
