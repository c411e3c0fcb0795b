// Linux App Service for the bot (Node 20). More than one instance is allowed: the scheduler
// coordinates through the store, not through process memory.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its host name becomes the bot domain.')
param webAppName string

@description('Azure region of the plan and the web app.')
param location string

@description('App Service plan SKU (Basic or higher, for Always On).')
param skuName string

@description('Number of instances of the plan.')
@minValue(1)
@maxValue(30)
param capacity int

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity (also the bot app id).')
param identityClientId string

@description('Tenant id of the user-assigned identity.')
param identityTenantId string

@description('Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabaseName string

@description('Name of the Application Insights component the app reports to.')
param appInsightsName string

@description('Path of the municipality configuration file, relative to the app root.')
param municipalityConfigPath string

@description('Tags for the resources.')
param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: capacity
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // WEBSITE_RUN_FROM_PACKAGE mounts the app read-only, so start the built output directly
      // instead of `npm start`, which would try to compile into the read-only folder.
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'BOT_ID'
          value: identityClientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identityTenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmosEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabaseName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'MUNICIPALITY_CONFIG'
          value: municipalityConfigPath
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

output id string = webApp.id
output name string = webApp.name
output defaultHostName string = webApp.properties.defaultHostName
