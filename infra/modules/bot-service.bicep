// The Azure Bot resource: the bot's identity is the user-assigned managed identity (no app
// registration, no secret), its messaging endpoint the container app, and the Teams channel on.

param botName string

@description('Display name in the Azure portal (the name in Teams comes from the app package).')
param displayName string

@description('https://<host>/api/messages')
param endpoint string

param identityId string
param identityClientId string
param tenantId string

@allowed([
  'F0'
  'S1'
])
param sku string

param appInsightsName string
param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    developerAppInsightKey: appInsights.properties.InstrumentationKey
    developerAppInsightsApplicationId: appInsights.properties.AppId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
