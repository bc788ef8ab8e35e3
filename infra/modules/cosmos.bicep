// Cosmos DB for NoSQL: the account, the database and the containers the store uses, and the
// data-plane role for every identity that reads and writes items. Keys are switched off: the bot
// signs in with its managed identity (DefaultAzureCredential), an operator with `az login`.

@description('Name of the Cosmos DB account (globally unique, lower case).')
param accountName string

param location string

@description('Database the bot uses (COSMOS_DATABASE).')
param databaseName string

@description('Serverless (pay per request) or provisioned autoscale throughput shared by the database.')
param serverless bool

@description('Highest autoscale throughput (RU/s) of the database when not serverless.')
param autoscaleMaxThroughput int

@description('Object ids of the identities that get Cosmos DB Built-in Data Contributor on the account.')
param dataContributorPrincipalIds array

param tags object

// The store's containers, exactly as src/store/cosmos/containers.ts defines them (a unit test
// compares the two). An Entra identity may not create or change containers, so they are made here.
var containers = loadJsonContent('cosmos-containers.json')

// Cosmos DB Built-in Data Contributor: read and write items, read metadata; no control plane.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

var serverlessCapability = [
  {
    name: 'EnableServerless'
  }
]

// A serverless account has no throughput to set; otherwise the database shares autoscale RU/s.
var databaseOptions = serverless ? {} : {
  autoscaleSettings: {
    maxThroughput: autoscaleMaxThroughput
  }
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    // The store refuses an account with more than one write region or weaker than Session.
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    enableMultipleWriteLocations: false
    enableAutomaticFailover: false
    capabilities: serverless ? serverlessCapability : []
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
    options: databaseOptions
  }
}

resource storeContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in containers: {
    parent: database
    name: container.id
    properties: {
      resource: container
    }
  }
]

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [
  for principalId in dataContributorPrincipalIds: {
    parent: account
    name: guid(account.id, principalId, dataContributorRoleId)
    properties: {
      roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
      principalId: principalId
      scope: account.id
    }
  }
]

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
