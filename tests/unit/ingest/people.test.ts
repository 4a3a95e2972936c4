import { describe, expect, it } from "vitest";
import { joinAffiliationLines, splitAffiliationAndName } from "@/lib/ingest/people";

describe("people", () => {
  it("splits an affiliation from a name by the closing title", () => {
    expect(splitAffiliationAndName("中国医学科学院肿瘤医院乳腺外科主任医师王昕")).toEqual({
      affiliation: "中国医学科学院肿瘤医院乳腺外科主任医师",
      name: "王昕",
    });
    expect(splitAffiliationAndName("拉卡拉集团创始人、董事长孙陶然")).toEqual({
      affiliation: "拉卡拉集团创始人、董事长",
      name: "孙陶然",
    });
    expect(splitAffiliationAndName("陈立平")).toEqual({ affiliation: null, name: "陈立平" });
  });
  it("joins affiliation lines wrapped mid-phrase and separates distinct positions", () => {
    expect(joinAffiliationLines(["民革大兴区工委副主委", "北京经济技术开发区管委会", "政务服务中心副主任"])).toBe(
      "民革大兴区工委副主委；北京经济技术开发区管委会政务服务中心副主任",
    );
    expect(joinAffiliationLines(["首都师范大学附属中学大兴", "南校区校长、党总支副书记"])).toBe(
      "首都师范大学附属中学大兴南校区校长、党总支副书记",
    );
  });
});
