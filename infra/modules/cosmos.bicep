// Cosmos DB for NoSQL with Entra-only access: no account keys exist for the app to leak.

@description('Name of the Cosmos DB account (3-44 lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Azure region of the account; the data stays here (Sweden Central by default).')
param location string

@description('Serverless capacity (pay per request) instead of provisioned throughput.')
param serverless bool

@description('Autoscale maximum RU/s for the database when not serverless.')
@minValue(1000)
param autoscaleMaxThroughput int

@description('Name of the SQL database.')
param databaseName string

@description('Principal (object) id of the identity that reads and writes data.')
param dataContributorPrincipalId string

@description('Tags for the resources.')
param tags object

// Built-in "Cosmos DB Built-in Data Contributor" data-plane role.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// perItemTtl: defaultTtl -1 turns TTL on without a default, so each item's own `ttl` applies.
var containers = [
  {
    name: 'weekly'
    partitionKeyPath: '/partition'
    perItemTtl: true
  }
  {
    name: 'registry'
    partitionKeyPath: '/municipalityId'
    perItemTtl: false
  }
  {
    name: 'meeting'
    partitionKeyPath: '/municipalityId'
    perItemTtl: false
  }
  {
    name: 'operations'
    partitionKeyPath: '/municipalityId'
    perItemTtl: true
  }
  {
    name: 'audit'
    partitionKeyPath: '/municipalityId'
    perItemTtl: false
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
  }
}

// One at a time: parallel container creates on one account can fail on its operation lock.
@batchSize(1)
resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    resource: union({
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKeyPath
        ]
        kind: 'Hash'
        version: 2
      }
    }, container.perItemTtl ? {
      defaultTtl: -1
    } : {})
  }
}]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    principalId: dataContributorPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    scope: account.id
  }
  dependsOn: [
    sqlContainers
  ]
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output databaseName string = database.name
