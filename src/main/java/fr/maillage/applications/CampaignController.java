package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import fr.maillage.applications.ApplicationInputs.CampaignInput;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.SubsidySummary;
import fr.maillage.applications.ApplicationModel.SubsidyTotal;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.InvalidInputException;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Campaigns and the subsidies they engage over GraphQL: public reads, created by ANCT. */
@Controller
class CampaignController {

    private final CampaignReader campaigns;
    private final CampaignCommands commands;
    private final Clock clock;

    CampaignController(CampaignReader campaigns, CampaignCommands commands, Clock clock) {
        this.campaigns = campaigns;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryMapping
    List<Campaign> campaigns() {
        return campaigns.campaigns();
    }

    @QueryMapping
    Campaign campaign(@Argument String code) {
        return code == null ? null : campaigns.campaign(code.strip().toUpperCase());
    }

    @QueryMapping
    SubsidySummary subsidies(@Argument String campaignCode, @Argument TerritoryLevel groupBy) {
        var code = campaignCode.strip().toUpperCase();
        if (campaigns.campaign(code) == null) {
            throw new InvalidInputException("campaignCode", "aucune campagne de code " + code);
        }
        var level = groupBy == null ? TerritoryLevel.REGION : groupBy;
        if (level != TerritoryLevel.REGION && level != TerritoryLevel.DEPARTMENT) {
            throw new InvalidInputException("groupBy", "REGION ou DEPARTMENT (les subventions vont à la structure porteuse)");
        }
        return campaigns.subsidies(code, level);
    }

    @MutationMapping
    Campaign createCampaign(@Argument CampaignInput input) {
        return commands.createCampaign(input);
    }

    @SchemaMapping(typeName = "Campaign", field = "open")
    boolean open(Campaign campaign) {
        return campaign.openOn(LocalDate.now(clock));
    }

    @SchemaMapping(typeName = "SubsidySummary", field = "campaign")
    Campaign subsidyCampaign(SubsidySummary summary) {
        return campaigns.campaign(summary.campaignCode());
    }

    @SchemaMapping(typeName = "SubsidyTotal", field = "territory")
    CompletableFuture<Territory> subsidyTerritory(SubsidyTotal total, DataLoader<TerritoryRef, Territory> loader) {
        return total.territory() == null || total.territory().code() == null ? CompletableFuture.completedFuture(null)
                : loader.load(total.territory());
    }
}
