// Azure resources for the Lägesbild bot: identity, Cosmos DB, monitoring, web app, Azure Bot.
// Deployed by `arm/deploy` in teamsapp.yml; the outputs land in env/.env.<env>.
targetScope = 'resourceGroup'

@description('Base of all resource names: 4-20 lowercase letters, digits or hyphens.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Azure region of all regional resources. Sweden Central keeps the municipality\'s data in Sweden.')
param location string = 'swedencentral'

@description('Display name of the Azure Bot.')
@maxLength(42)
param botDisplayName string = 'Lägesbild'

@description('Location of the Azure Bot resource. A regional bot location needs matching Bot Framework endpoints in the app.')
@allowed([
  'global'
  'westeurope'
])
param botServiceLocation string = 'global'

@description('Azure Bot pricing tier (messages on the Teams channel are free on F0).')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('App Service plan SKU; Basic or higher so that Always On is available.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSkuName string = 'B1'

@description('Number of web app instances (1 or more).')
@minValue(1)
@maxValue(30)
param appServiceCapacity int = 1

@description('Use Cosmos DB serverless (pay per request). False uses autoscale provisioned throughput.')
param cosmosServerless bool = true

@description('Autoscale maximum RU/s for the Cosmos DB database when cosmosServerless is false.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Path of the municipality configuration file, relative to the app root.')
param municipalityConfigPath string = 'municipalities/norrtalje.yaml'

@description('Tags for all resources.')
param tags object = {}

// A per-resource-group suffix keeps globally unique names (web app, Cosmos DB, bot) free of clashes.
var baseName = toLower(resourceBaseName)
var uniqueSuffix = uniqueString(resourceGroup().id, baseName)
var cosmosDatabaseName = 'lagesbild'
var allTags = union({
  app: 'lagesbild-bot'
}, tags)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}'
    appInsightsName: 'appi-${baseName}'
    location: location
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: 'cosmos-${baseName}-${uniqueSuffix}'
    location: location
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    databaseName: cosmosDatabaseName
    dataContributorPrincipalId: identity.outputs.principalId
    tags: allTags
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    planName: 'plan-${baseName}'
    webAppName: 'app-${baseName}-${uniqueSuffix}'
    location: location
    skuName: appServiceSkuName
    capacity: appServiceCapacity
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    appInsightsName: monitoring.outputs.appInsightsName
    municipalityConfigPath: municipalityConfigPath
    tags: allTags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${uniqueSuffix}'
    displayName: botDisplayName
    location: botServiceLocation
    sku: botServiceSku
    botDomain: webApp.outputs.defaultHostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    tags: allTags
  }
}

// Output names are the env keys the Agents Toolkit writes into env/.env.<env>.
output BOT_ID string = identity.outputs.clientId
output BOT_TENANT_ID string = identity.outputs.tenantId
output BOT_DOMAIN string = webApp.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output AZURE_CLIENT_ID string = identity.outputs.clientId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmos.outputs.databaseName
