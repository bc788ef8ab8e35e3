// Qm+ Hjelp in Azure: a user-assigned managed identity (the bot's identity in Teams and its access
// to Cosmos DB and the registry), Cosmos DB, Log Analytics (the bot's JSON log lines, which
// Container Apps collects from stdout) and a workspace-based Application Insights resource (the
// Azure Bot's telemetry; the bot itself loads no Application Insights SDK), a container
// registry, and, once an image exists, the bot in Container Apps and the Azure Bot resource with
// the Teams channel. Deploy in two passes (docs/deploy.md): first without `image`, which creates
// everything the image and the organisation import need; then with `image`.

targetScope = 'resourceGroup'

@description('Short name used in every resource name: lower-case letters, digits and hyphens, starting with a letter.')
@minLength(3)
@maxLength(12)
param name string = 'qmhjelp'

@description('Region of every resource but the Azure Bot (global).')
param location string = resourceGroup().location

@description('Image to run, e.g. <registry>.azurecr.io/qm-hjelp:1. Empty: deploy without the bot app and the Azure Bot.')
param image string = ''

@description('Microsoft Entra tenant of the bot\'s identity and of the organisation.')
param tenantId string = tenant().tenantId

@description('Tenants whose Teams activities the bot serves, comma-separated; the first is the organisation\'s own.')
param allowedTenants string = tenantId

@description('Where to reach Teams before the first activity has brought its service URL; empty: wait for it.')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('Cosmos DB database (COSMOS_DATABASE).')
param cosmosDatabase string = 'qm-hjelp'

@description('Serverless Cosmos DB (pay per request). false: autoscale throughput shared by the database.')
param cosmosServerless bool = true

@description('Highest autoscale throughput (RU/s) when not serverless.')
param cosmosAutoscaleMaxThroughput int = 1000

@description('Object ids of people or pipelines that may read and write the data (for `npm run org:import`), e.g. `az ad signed-in-user show --query id -o tsv`.')
param operatorPrincipalIds array = []

@description('Organisation file inside the image (ORG_FILE), read at every start and imported unless it was imported before (at a start or by `npm run org:import`). Empty (the default): ORG_FILE is not set and the bot uses the organisation imported with `npm run org:import`.')
param orgFile string = ''

@description('Secret for signed download links and the placeholders of redacted inquiries (SIGNING_SECRET): at least 32 characters, e.g. `openssl rand -hex 32`, kept the same from one deployment to the next. Needed with `image`.')
@secure()
param signingSecret string = ''

@description('Log level (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Fewest replicas of the bot; two or more so one can fail or be replaced without a gap.')
@minValue(2)
param minReplicas int = 2

@description('Most replicas of the bot.')
@minValue(2)
param maxReplicas int = 4

@description('Path of the readiness probe.')
param readinessPath string = '/readyz'

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'Qm+ Hjelp'

@description('Days Log Analytics keeps logs.')
param logRetentionInDays int = 30

param tags object = {
  app: 'qm-hjelp'
}

var suffix = uniqueString(resourceGroup().id, name)
var deployApp = !empty(image)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${name}-logs'
    appInsightsName: '${name}-insights'
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: toLower('${name}-${suffix}')
    location: location
    databaseName: cosmosDatabase
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalIds: concat([identity.properties.principalId], operatorPrincipalIds)
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    registryName: toLower('${replace(name, '-', '')}${suffix}')
    location: location
    pullPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module botApp 'modules/bot-app.bicep' = if (deployApp) {
  name: 'bot-app'
  params: {
    environmentName: toLower('${name}-env')
    appName: toLower('${name}-bot')
    location: location
    image: image
    registryServer: registry.outputs.loginServer
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenantId
    allowedTenants: allowedTenants
    teamsServiceUrl: teamsServiceUrl
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmosDatabase
    orgFile: orgFile
    signingSecret: signingSecret
    logLevel: logLevel
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    readinessPath: readinessPath
    workspaceName: monitoring.outputs.workspaceName
    tags: tags
  }
}

module botService 'modules/bot-service.bicep' = if (deployApp) {
  name: 'bot-service'
  params: {
    botName: '${name}-${suffix}'
    displayName: botDisplayName
    endpoint: deployApp ? 'https://${botApp.outputs.fqdn}/api/messages' : ''
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenantId
    sku: botSku
    appInsightsName: monitoring.outputs.appInsightsName
    tags: tags
  }
}

@description('The bot\'s Microsoft App ID: the managed identity\'s client id (MicrosoftAppId for `npm run package`).')
output botId string = identity.properties.clientId

@description('The bot\'s messaging endpoint (empty until deployed with an image).')
output endpoint string = deployApp ? 'https://${botApp.outputs.fqdn}/api/messages' : ''

@description('Host name of the bot (BOT_DOMAIN for `npm run package`).')
output botDomain string = deployApp ? botApp.outputs.fqdn : ''

@description('Name of the Azure Bot resource.')
output botName string = deployApp ? botService.outputs.name : ''

output tenantId string = tenantId
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosDatabase string = cosmosDatabase
output registryName string = registry.outputs.name
output registryServer string = registry.outputs.loginServer
output identityPrincipalId string = identity.properties.principalId
