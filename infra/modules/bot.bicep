// Azure Bot registration signed in by the user-assigned identity (no app secret), with Teams.

@description('Name of the Azure Bot resource (globally unique).')
param name string

@description('Display name of the bot.')
@maxLength(42)
param displayName string

@description('Location of the Azure Bot: global, or a regional bot location.')
param location string

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Host name of the web app that serves /api/messages.')
param botDomain string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity (the bot app id).')
param identityClientId string

@description('Tenant id of the user-assigned identity.')
param identityTenantId string

@description('Tags for the resources.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${botDomain}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: identityTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
